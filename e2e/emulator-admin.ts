import { test } from './fixtures';

/**
 * The specs' side door into the emulator that global-setup started: its admin API
 * (`/__emulator/…`) and its Data Center REST API as the demo user, to arrange pages and faults
 * and to read what Confluence holds after the app saved.
 */

const DEMO_BASIC = `Basic ${Buffer.from('demo:demo').toString('base64')}`;

export function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error('E2E_EMULATOR_URL is not set: global-setup did not run');
  return url;
}

/**
 * fetch, once more if the connection was dropped before an answer: Node reuses keep-alive
 * sockets the emulator may just have closed ("other side closed"). Saves stay safe to repeat:
 * they carry the version number, so a second copy would be refused with 409.
 */
async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Calls the admin API (`POST`/`PUT`/`DELETE` with a JSON body, or `GET`). */
export async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetchAgain(`${emulatorUrl()}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body ?? {}),
  });
  return expectOk(response, `${method} /__emulator${path}`);
}

export const resetEmulator = () => admin('POST', '/reset');
export const setFaults = (faults: Record<string, unknown>) => admin('PUT', '/faults', faults);
export const clearFaults = () => admin('DELETE', '/faults');
export const clearRequestLog = () => admin('DELETE', '/requests');

/** For specs that inject faults: each test starts on the seed with no faults, and leaves none. */
export function freshEmulatorEachTest(): void {
  test.beforeEach(async () => {
    await clearFaults();
    await resetEmulator();
  });
  test.afterEach(async () => {
    await clearFaults();
  });
}

/** A colleague (Alex Other by default) saves the page behind the editor's back. */
export const concurrentEdit = (id: string, edit: Record<string, unknown> = {}) =>
  admin('POST', `/pages/${id}/concurrent-edit`, edit);

export interface StoredPage {
  id: string;
  title: string;
  body: string;
  version: { number: number; message: string; minorEdit: boolean };
  /** The direct parent's id (the last ancestor), or null for a page at the top of its space. */
  parentId: string | null;
}

/** The page as Confluence (the emulator) has it now, read as the demo user over DC REST v1. */
export async function readPage(id: string): Promise<StoredPage> {
  const response = await fetchAgain(
    `${emulatorUrl()}/rest/api/content/${id}?expand=version,body.storage,ancestors`,
    { headers: { authorization: DEMO_BASIC } },
  );
  const json = (await expectOk(response, `GET content ${id}`)) as {
    id: string;
    title: string;
    version: { number: number; message: string; minorEdit: boolean };
    body: { storage: { value: string } };
    ancestors: Array<{ id: string }>;
  };
  return {
    id: json.id,
    title: json.title,
    body: json.body.storage.value,
    version: json.version,
    parentId: json.ancestors.at(-1)?.id ?? null,
  };
}

/**
 * Saves a page straight into Confluence as the demo user, as a colleague would: sets up bodies
 * the seed lacks, or makes a change behind the editor's back. `version` is the new number.
 */
export async function writePage(
  id: string,
  page: { title: string; body?: string; version: number },
): Promise<void> {
  const response = await fetchAgain(`${emulatorUrl()}/rest/api/content/${id}`, {
    method: 'PUT',
    headers: { authorization: DEMO_BASIC, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'page',
      title: page.title,
      version: { number: page.version },
      ...(page.body === undefined
        ? {}
        : { body: { storage: { value: page.body, representation: 'storage' } } }),
    }),
  });
  await expectOk(response, `PUT content ${id}`);
}

/** Saves the next version of a page (title and, optionally, body). */
export async function updatePage(id: string, title: string, body?: string): Promise<void> {
  const current = await readPage(id);
  await writePage(id, { title, body, version: current.version.number + 1 });
}

/** Requests the emulator received (no bodies, no credentials). */
export async function emulatorRequests(): Promise<
  Array<{ method: string; url: string; status?: number }>
> {
  const json = (await admin('GET', '/requests')) as {
    requests: Array<{ method: string; url: string; status?: number }>;
  };
  return json.requests;
}
