/**
 * Realism knobs. "Every N" counts API requests (admin calls excluded) since the faults were last
 * set; 0 turns a fault off. `pathPattern` (a regular expression) and `methods` limit all faults
 * to matching requests.
 */
export interface FaultSettings {
  /** Delay before every API answer, in milliseconds. */
  latencyMs: number;
  /** Every Nth request answers 429 with Retry-After and X-RateLimit-* headers. */
  rateLimitEvery: number;
  retryAfterSeconds: number;
  /** Every Nth request answers `serverErrorStatus` (500/502/503). */
  serverErrorEvery: number;
  serverErrorStatus: number;
  /** Every Nth request has its connection reset (no answer at all). */
  resetEvery: number;
  /** Every Nth request hangs: no answer until the client gives up or the emulator closes. */
  hangEvery: number;
  /**
   * Every Nth request answers 403, as Confluence does for a user who may not see the content
   * (docs/confluence-api.md §2.3: v1 `{statusCode, message}`, v2 `PERMISSION_DENIED`).
   */
  forbiddenEvery: number;
  /** Every Nth page save (PUT) is applied, then answered with 504 (the ambiguous save). */
  putThen504Every: number;
  /** Every Nth page save (PUT) is applied, then never answered (a save that lands unseen). */
  putThenHangEvery: number;
  /** Cloud v1 content endpoints answer 410 Gone, as real Cloud sites now do. */
  cloudV1Gone: boolean;
  /**
   * Attachment uploads are read at most this fast (bytes per second; 0 = as fast as they come),
   * so a client's upload progress can be watched over loopback, where a big file takes no time.
   */
  uploadBytesPerSecond: number;
  pathPattern: string;
  /** Comma-separated HTTP methods the faults hit, e.g. `PUT` or `GET`; empty: every method. */
  methods: string;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rateLimitEvery: 0,
  retryAfterSeconds: 2,
  serverErrorEvery: 0,
  serverErrorStatus: 503,
  resetEvery: 0,
  hangEvery: 0,
  forbiddenEvery: 0,
  putThen504Every: 0,
  putThenHangEvery: 0,
  cloudV1Gone: false,
  uploadBytesPerSecond: 0,
  pathPattern: '',
  methods: '',
};

/** What the dispatcher must do to a request. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'forbidden' };

/** What a save does after it is applied: answer as usual, answer 504, or never answer. */
export type SaveFault = 'none' | '504' | 'hang';

const HTTP_METHOD = /^[A-Z]+$/;

function methodsOf(list: string): string[] {
  return list
    .split(',')
    .map((method) => method.trim().toUpperCase())
    .filter((method) => method !== '');
}

/** Validates a partial settings object (from JSON or env); throws with a readable message. */
export function validateFaults(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null) throw new Error('faults must be a JSON object');
  const result: Partial<FaultSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in NO_FAULTS)) throw new Error(`unknown fault "${key}"`);
    const expected = typeof NO_FAULTS[key as keyof FaultSettings];
    if (
      typeof value !== expected ||
      (expected === 'number' && (!Number.isFinite(value) || (value as number) < 0))
    ) {
      throw new Error(
        `fault "${key}" must be a ${expected === 'number' ? 'non-negative number' : expected}`,
      );
    }
    Object.assign(result, { [key]: value });
  }
  if (
    result.serverErrorStatus !== undefined &&
    (result.serverErrorStatus < 500 || result.serverErrorStatus > 599)
  ) {
    throw new Error('fault "serverErrorStatus" must be a 5xx status');
  }
  if (result.pathPattern) new RegExp(result.pathPattern);
  if (
    result.methods !== undefined &&
    !methodsOf(result.methods).every((m) => HTTP_METHOD.test(m))
  ) {
    throw new Error('fault "methods" must be HTTP methods separated by commas, e.g. "PUT,POST"');
  }
  return result;
}

/** Holds the settings and the counters that decide which request gets which fault. */
export class FaultEngine {
  private settings: FaultSettings = { ...NO_FAULTS };
  private requests = 0;
  private saves = 0;
  private hangingSaves = 0;

  constructor(initial: Partial<FaultSettings> = {}) {
    this.set(initial);
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  /** Merges `changes` into the settings and restarts the counters. */
  set(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...validateFaults(changes) };
    this.requests = 0;
    this.saves = 0;
    this.hangingSaves = 0;
    return this.get();
  }

  clear(): FaultSettings {
    this.settings = { ...NO_FAULTS };
    return this.set({});
  }

  applies(path: string, method: string): boolean {
    const { pathPattern, methods } = this.settings;
    const methodMatches = methods === '' || methodsOf(methods).includes(method.toUpperCase());
    return methodMatches && (!pathPattern || new RegExp(pathPattern).test(path));
  }

  /** Decides the fault for the next API request (counts it). */
  next(path: string, method: string): FaultAction {
    if (!this.applies(path, method)) return { kind: 'none' };
    const n = (this.requests += 1);
    const every = (value: number): boolean => value > 0 && n % value === 0;
    const s = this.settings;
    if (every(s.hangEvery)) return { kind: 'hang' };
    if (every(s.resetEvery)) return { kind: 'reset' };
    if (every(s.forbiddenEvery)) return { kind: 'forbidden' };
    if (every(s.rateLimitEvery))
      return { kind: 'rate-limit', retryAfterSeconds: s.retryAfterSeconds };
    if (every(s.serverErrorEvery)) return { kind: 'server-error', status: s.serverErrorStatus };
    return { kind: 'none' };
  }

  /** What this page save does once applied: answer, answer 504, or hang (counts saves). */
  nextSaveFault(path: string, method: string): SaveFault {
    if (!this.applies(path, method)) return 'none';
    const { putThen504Every, putThenHangEvery } = this.settings;
    if (putThen504Every > 0 && ++this.saves % putThen504Every === 0) return '504';
    if (putThenHangEvery > 0 && ++this.hangingSaves % putThenHangEvery === 0) return 'hang';
    return 'none';
  }

  latencyMs(path: string, method: string): number {
    return this.applies(path, method) ? this.settings.latencyMs : 0;
  }

  cloudV1Gone(): boolean {
    return this.settings.cloudV1Gone;
  }

  uploadBytesPerSecond(path: string, method: string): number {
    return this.applies(path, method) ? this.settings.uploadBytesPerSecond : 0;
  }
}

/** Faults from environment variables (EMULATOR_LATENCY_MS, EMULATOR_RATE_LIMIT_EVERY, …). */
export function faultsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Partial<FaultSettings> {
  const names: Array<[keyof FaultSettings, string]> = [
    ['latencyMs', 'EMULATOR_LATENCY_MS'],
    ['rateLimitEvery', 'EMULATOR_RATE_LIMIT_EVERY'],
    ['retryAfterSeconds', 'EMULATOR_RETRY_AFTER_SECONDS'],
    ['serverErrorEvery', 'EMULATOR_5XX_EVERY'],
    ['serverErrorStatus', 'EMULATOR_5XX_STATUS'],
    ['resetEvery', 'EMULATOR_RESET_EVERY'],
    ['hangEvery', 'EMULATOR_HANG_EVERY'],
    ['forbiddenEvery', 'EMULATOR_403_EVERY'],
    ['putThen504Every', 'EMULATOR_PUT_504_EVERY'],
    ['putThenHangEvery', 'EMULATOR_PUT_HANG_EVERY'],
    ['cloudV1Gone', 'EMULATOR_CLOUD_V1_GONE'],
    ['uploadBytesPerSecond', 'EMULATOR_UPLOAD_BYTES_PER_SECOND'],
    ['pathPattern', 'EMULATOR_FAULT_PATHS'],
    ['methods', 'EMULATOR_FAULT_METHODS'],
  ];
  const result: Record<string, unknown> = {};
  for (const [key, variable] of names) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const kind = typeof NO_FAULTS[key];
    result[key] =
      kind === 'boolean'
        ? ['1', 'true', 'yes'].includes(raw.toLowerCase())
        : kind === 'number'
          ? Number(raw)
          : raw;
  }
  return validateFaults(result);
}
