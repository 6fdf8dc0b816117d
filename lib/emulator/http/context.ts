import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SaveFault } from '../faults';
import type { EmulatorStore } from '../store/store';
import type { UserRecord } from '../store/types';

/** Which Confluence a request talks to: Data Center (`/rest/api`) or Cloud (`/wiki/...`). */
export type Flavour = 'dc' | 'cloud';

/** Everything a route handler needs about one request. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path below the API root, e.g. `/content/123` for `/wiki/rest/api/content/123`. */
  path: string;
  query: URLSearchParams;
  flavour: Flavour;
  api: 'v1' | 'v2';
  /** Absolute base as Confluence reports it in `_links.base`, e.g. `http://127.0.0.1:8090/wiki`. */
  base: string;
  /** Context path: `/wiki` (Cloud), `/confluence` or `` (DC). */
  context: string;
  user: UserRecord | null;
  store: EmulatorStore;
  /** The raw request body (already read, at most a little over 5 MiB). */
  rawBody: Buffer;
  /** Faults "apply the PUT, then answer 504 / never answer": set by the dispatcher, honoured by save handlers. */
  saveFault: SaveFault;
}

/** The v1 API root relative to `base` (what `_links.self` and friends start with). */
export const V1_ROOT = '/rest/api';
/** The v2 API root relative to `base`. */
export const V2_ROOT = '/api/v2';
