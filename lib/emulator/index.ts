import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleAdmin, type ConcurrentEditRequest } from './api/admin';
import { permissionAdmin, type PermissionAdmin } from './api/admin-permissions';
import { handleRequest } from './emulator-app';
import { FaultEngine, type FaultSettings } from './faults';
import { RequestLog, type RequestLogEntry } from './request-log';
import { buildSeed } from './seed/build-seed';
import type { ImportFile } from './seed/import-files';
import { importPages, type ImportOutcome } from './seed/import-pages';
import { SEED_USERS } from './seed/users';
import { DataFileWriter, loadDataFile } from './store/persistence';
import { EmulatorStore } from './store/store';
import type { EmulatorData, PageRecord } from './store/types';

export { SEED_IDS } from './seed/build-seed';
export { SEED_USERS } from './seed/users';
export { ImportFolderError, readImportFolder, type ImportFile } from './seed/import-files';
export { DEFAULT_IMPORT_SPACE, isValidSpaceKey, type ImportOutcome } from './seed/import-pages';
export { EmulatorDataError } from './store/persistence';
export { checkStorageXhtml, xhtmlErrorText, type XhtmlVerdict } from './xhtml/check-xhtml';
export type { FaultSettings } from './faults';
export type { RequestLogEntry } from './request-log';
export type { ConcurrentEditRequest } from './api/admin';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** JSON data file; null or omitted = in memory only. */
  dataFile?: string | null;
  /** Start from the seed even when the data file exists (and overwrite it). */
  reset?: boolean;
  /** Initial faults (see FaultSettings); also settable at runtime. */
  faults?: Partial<FaultSettings>;
  /** Receives diagnostic lines (write failures, handler crashes). Default: none. */
  log?: (line: string) => void;
  /**
   * Storage bodies to load as pages of `spaceKey` (see readImportFolder), on top of the data file
   * or the seed, and again after every reset.
   */
  import?: { files: readonly ImportFile[]; spaceKey: string };
}

export interface EmulatorHandle {
  /** `http://host:port` (no trailing slash). DC base = url, DC with context = url + '/confluence', Cloud = url + '/wiki'. */
  url: string;
  port: number;
  /** Data Center base URL (`/rest/api` below it). */
  dcBaseUrl: string;
  /** Data Center base URL under the `/confluence` context path. */
  dcContextBaseUrl: string;
  /** Cloud site base URL (`/rest/api` and `/api/v2` below it). */
  cloudBaseUrl: string;
  /** Stops listening, drops open connections (hanging requests too) and flushes the data file. */
  close(): Promise<void>;
  /** Back to the seed data (faults and request log are kept). */
  reset(): Promise<void>;
  /** Merges fault settings; returns the effective settings. */
  setFaults(changes: Partial<FaultSettings>): FaultSettings;
  getFaults(): FaultSettings;
  clearFaults(): FaultSettings;
  /** Requests seen so far (no credentials, no bodies). */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Saves a new version of a page as another user (default `alex`): the "someone else edited it" case. */
  concurrentEdit(
    pageId: string,
    changes?: ConcurrentEditRequest,
  ): { id: string; version: number } | null;
  /** A deep copy of a page record (current version + history), for assertions. */
  page(id: string): PageRecord | undefined;
  /** Resolves once pending data-file writes are on disk. */
  flush(): Promise<void>;
  /** What the start-up import did with each file (empty without `import`). */
  imported: ImportOutcome[];
  /** Page edit restrictions and space edit permissions, as the admin API sets them. */
  permissions: PermissionAdmin;
  /** The home page of a space (key compared case-blind), if the space exists. */
  homePage(spaceKey: string): { id: string; title: string } | undefined;
}

/**
 * Starts the Confluence emulator: DC v1 at `/rest/api` (and `/confluence/rest/api`), Cloud v1 at
 * `/wiki/rest/api`, Cloud v2 at `/wiki/api/v2`, admin at `/__emulator`. Rejects with
 * EmulatorDataError when the data file exists but cannot be used.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const logLine = options.log ?? (() => undefined);
  const dataFile = options.dataFile ?? null;
  const loaded = dataFile && !options.reset ? loadDataFile(dataFile) : null;
  const importedAt = new Date().toISOString();
  const withImport = (data: EmulatorData): { data: EmulatorData; outcomes: ImportOutcome[] } => {
    if (!options.import) return { data, outcomes: [] };
    const outcomes = importPages(data, options.import.files, {
      spaceKey: options.import.spaceKey,
      authorKey: SEED_USERS[0]!.key,
      when: importedAt,
    });
    return { data, outcomes };
  };
  const initial = withImport(loaded ?? buildSeed());
  let writer: DataFileWriter | null = null;
  const store = new EmulatorStore(initial.data, () => writer?.schedule());
  if (dataFile) {
    writer = new DataFileWriter(
      dataFile,
      () => store.snapshot(),
      (error) => logLine(`emulator: could not write ${dataFile}: ${String(error)}`),
    );
    if (!loaded || options.import) writer.writeNow();
  }
  const faults = new FaultEngine(options.faults);
  const log = new RequestLog();

  const concurrentEdit = (
    pageId: string,
    changes: ConcurrentEditRequest = {},
  ): { id: string; version: number } | null => {
    const user = store.users().find((candidate) => candidate.username === (changes.user ?? 'alex'));
    const page = store.snapshot().pages.find((candidate) => candidate.id === pageId);
    if (!user || !page) return null;
    store.forceNewVersion(page, user, {
      title: changes.title,
      body:
        changes.body ??
        `${page.current.body}\n<p>Edited by ${user.displayName} while you were editing.</p>`,
      message: changes.message,
    });
    return { id: page.id, version: page.current.number };
  };
  const permissions = permissionAdmin(store);
  const reset = async (): Promise<void> => store.replace(withImport(buildSeed()).data);
  const admin = {
    faults,
    log,
    permissions,
    pageCount: () => store.snapshot().pages.length,
    reset,
    concurrentEdit,
  };

  const server = createServer((req, res) => {
    handleRequest(
      { store, faults, log, logLine, admin: (...args) => handleAdmin(admin, ...args) },
      req,
      res,
    ).catch((error: unknown) => {
      logLine(`emulator: request failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

  return {
    url,
    port,
    dcBaseUrl: url,
    dcContextBaseUrl: `${url}/confluence`,
    cloudBaseUrl: `${url}/wiki`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
    },
    reset,
    setFaults: (changes) => faults.set(changes),
    getFaults: () => faults.get(),
    clearFaults: () => faults.clear(),
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    concurrentEdit,
    page: (id) => {
      const page = store.snapshot().pages.find((candidate) => candidate.id === id);
      return page ? (structuredClone(page) as PageRecord) : undefined;
    },
    flush: async () => writer?.flush(),
    imported: initial.outcomes,
    permissions,
    homePage: (spaceKey) => {
      const space = store.spaceByKey(spaceKey);
      const home = space && store.snapshot().pages.find((page) => page.id === space.homePageId);
      return home ? { id: home.id, title: home.current.title } : undefined;
    },
  };
}
