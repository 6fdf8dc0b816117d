import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * State that every app instance must agree on: sign-in throttling counters and the list of
 * signed-out sessions. One interface, two homes: this process (one instance; the flags also in
 * a file under the data folder, so sign-outs survive a restart) or Redis (several instances
 * behind a load balancer, REDIS_URL). Keys are namespaced by the caller.
 */
export interface SharedStore {
  /** `file`: memory, with the flags also kept on disk (one instance without Redis). */
  readonly kind: 'memory' | 'file' | 'redis';
  /** Adds one to `key` and returns the new count; the counter vanishes `ttlMs` after creation. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Marks `key` as present for `ttlMs` (later calls extend it). */
  setFlag(key: string, ttlMs: number): Promise<void>;
  /** Whether `key` was marked and has not expired. */
  hasFlag(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** A points-per-duration limiter whose counters live in this store. */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** Resolves when the store answers; rejects (quickly) when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** The store could not be reached: callers refuse (fail closed) rather than guess. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
