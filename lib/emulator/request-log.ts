/** One logged request. Never holds credentials: no headers, no bodies, secrets masked in the query. */
export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path and query string, with any secret-looking parameter masked. */
  url: string;
  status: number;
  /** Username of the authenticated caller, if any. */
  user: string | null;
  /** `basic`, `bearer`, or null; never the credential itself. */
  auth: 'basic' | 'bearer' | null;
  durationMs: number;
  /** The fault applied, if any (e.g. `rate-limit`). */
  fault?: string;
}

const SECRET_PARAMS = /^(os_password|password|token|access_token|api_token|pat|secret|auth)$/i;

/** Masks secret-looking query parameters (`?os_password=…` style logins). */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2) as [string, string | undefined];
  if (!query) return path;
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_PARAMS.test(key)) params.set(key, '***');
  return `${path}?${params.toString()}`;
}

/** A bounded in-memory log (the newest `capacity` requests). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly capacity = 1000) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
