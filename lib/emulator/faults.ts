/**
 * Realism knobs. "Every N" counts API requests (admin calls excluded) since the faults were last
 * set; 0 turns a fault off. `pathPattern` (a regular expression) limits all faults to matching paths.
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
  /** Every Nth page save (PUT) is applied, then answered with 504 (the ambiguous save). */
  putThen504Every: number;
  /** Cloud v1 content endpoints answer 410 Gone, as real Cloud sites now do. */
  cloudV1Gone: boolean;
  /**
   * Attachment uploads are read at most this fast (bytes per second; 0 = as fast as they come),
   * so a client's upload progress can be watched over loopback, where a big file takes no time.
   */
  uploadBytesPerSecond: number;
  pathPattern: string;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rateLimitEvery: 0,
  retryAfterSeconds: 2,
  serverErrorEvery: 0,
  serverErrorStatus: 503,
  resetEvery: 0,
  hangEvery: 0,
  putThen504Every: 0,
  cloudV1Gone: false,
  uploadBytesPerSecond: 0,
  pathPattern: '',
};

/** What the dispatcher must do to a request. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' };

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
  return result;
}

/** Holds the settings and the counters that decide which request gets which fault. */
export class FaultEngine {
  private settings: FaultSettings = { ...NO_FAULTS };
  private requests = 0;
  private saves = 0;

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
    return this.get();
  }

  clear(): FaultSettings {
    this.settings = { ...NO_FAULTS };
    return this.set({});
  }

  applies(path: string): boolean {
    return !this.settings.pathPattern || new RegExp(this.settings.pathPattern).test(path);
  }

  /** Decides the fault for the next API request (counts it). */
  next(path: string): FaultAction {
    if (!this.applies(path)) return { kind: 'none' };
    const n = (this.requests += 1);
    const every = (value: number): boolean => value > 0 && n % value === 0;
    const s = this.settings;
    if (every(s.hangEvery)) return { kind: 'hang' };
    if (every(s.resetEvery)) return { kind: 'reset' };
    if (every(s.rateLimitEvery))
      return { kind: 'rate-limit', retryAfterSeconds: s.retryAfterSeconds };
    if (every(s.serverErrorEvery)) return { kind: 'server-error', status: s.serverErrorStatus };
    return { kind: 'none' };
  }

  /** Whether this page save should be applied and then answered with 504 (counts saves). */
  nextSaveIsAmbiguous(path: string): boolean {
    if (!this.applies(path) || this.settings.putThen504Every <= 0) return false;
    this.saves += 1;
    return this.saves % this.settings.putThen504Every === 0;
  }

  latencyMs(path: string): number {
    return this.applies(path) ? this.settings.latencyMs : 0;
  }

  cloudV1Gone(): boolean {
    return this.settings.cloudV1Gone;
  }

  uploadBytesPerSecond(path: string): number {
    return this.applies(path) ? this.settings.uploadBytesPerSecond : 0;
  }
}

/** Faults from environment variables (EMULATOR_LATENCY_MS, EMULATOR_RATE_LIMIT_EVERY, …). */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultSettings> {
  const names: Array<[keyof FaultSettings, string]> = [
    ['latencyMs', 'EMULATOR_LATENCY_MS'],
    ['rateLimitEvery', 'EMULATOR_RATE_LIMIT_EVERY'],
    ['retryAfterSeconds', 'EMULATOR_RETRY_AFTER_SECONDS'],
    ['serverErrorEvery', 'EMULATOR_5XX_EVERY'],
    ['serverErrorStatus', 'EMULATOR_5XX_STATUS'],
    ['resetEvery', 'EMULATOR_RESET_EVERY'],
    ['hangEvery', 'EMULATOR_HANG_EVERY'],
    ['putThen504Every', 'EMULATOR_PUT_504_EVERY'],
    ['cloudV1Gone', 'EMULATOR_CLOUD_V1_GONE'],
    ['uploadBytesPerSecond', 'EMULATOR_UPLOAD_BYTES_PER_SECOND'],
    ['pathPattern', 'EMULATOR_FAULT_PATHS'],
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
