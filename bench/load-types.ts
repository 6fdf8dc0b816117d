import type { EmulatorHandle } from '@/lib/emulator';

/** What a load run is given and what it returns (see load-runner.ts). */

export interface LoadAccount {
  username: string;
  password: string;
}

export interface LoadOptions {
  /** Sends one request to the app (fetch over HTTP, or a route handler in process). */
  send: (request: Request) => Promise<Response>;
  /**
   * The app's origin: requests are addressed to it, and state-changing ones carry it as Origin
   * with the other marks of the app's own client (JSON, `X-CFE-CSRF: 1`; docs/security.md SESS-6).
   */
  appOrigin: string;
  /** The emulator behind the app, read after the run to check the history. */
  emulator: Pick<EmulatorHandle, 'page'>;
  users: number;
  /** Pages the users share (few pages, many users: conflicts really happen). */
  pageIds: string[];
  durationMs: number;
  /** Hard cap on requests across all users (the run also stops at durationMs). */
  maxRequests: number;
  /** Accounts the users sign in with, round robin. */
  accounts: LoadAccount[];
  /** Pause between one user's edits (0: back to back). */
  thinkMs?: number;
  /** Per-request timeout; a timed-out request counts as an error. */
  requestTimeoutMs?: number;
  /** Seed for the page choices, so runs are comparable. */
  seed?: number;
}

export type Operation = 'sign-in' | 'open' | 'save';

/** One save attempt and what the app answered. */
export interface SaveRecord {
  /** Unique per attempt; also sent as the version message, so the history names its save. */
  saveId: string;
  user: number;
  username: string;
  pageId: string;
  baseVersion: number;
  title: string;
  body: string;
  /** HTTP status, or 0 when no answer arrived (network error, timeout). */
  status: number;
  /** The version the app said the save became (2xx only). */
  ackVersion?: number;
  errorCode?: string;
}

export interface OperationStats {
  operation: Operation;
  count: number;
  /** Answers other than 2xx and 409. */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult {
  users: number;
  pages: number;
  elapsedMs: number;
  requests: number;
  requestsPerS: number;
  acknowledgedSaves: number;
  savesPerS: number;
  conflicts: number;
  errors: number;
  /** errors / requests. */
  errorRate: number;
  /** Error answers by status and code, e.g. `500 upstream_error`. */
  errorKinds: Record<string, number>;
  operations: OperationStats[];
  saves: SaveRecord[];
  /** Each page's current version before the run. */
  initialVersions: Record<string, number>;
  stoppedBy: 'time' | 'request cap';
}
