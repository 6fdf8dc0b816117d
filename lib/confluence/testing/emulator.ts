import { afterAll, afterEach, beforeAll } from 'vitest';

import { type EmulatorHandle, startEmulator } from '@/lib/emulator';

import { type ConfluenceClient, createConfluenceClient } from '../client';
import type { ConfluenceFlavour } from '../model';

/**
 * The client against the emulator, for tests: one emulator per test file, back to its seed data
 * and without faults after every test.
 */
export function emulatorPerTestFile(): EmulatorHandle {
  let started: EmulatorHandle | undefined;
  beforeAll(async () => {
    started = await startEmulator({ port: 0, dataFile: null });
  });
  afterAll(() => started?.close());
  afterEach(async () => {
    started!.clearFaults();
    await started!.reset();
  });
  // Tests and hooks only reach the emulator once `beforeAll` has started it.
  return new Proxy({} as EmulatorHandle, {
    get(_target, name) {
      if (!started) throw new Error('The emulator starts in beforeAll: use it inside a test.');
      const value: unknown = Reflect.get(started, name);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

export interface DemoClientOptions {
  totalTimeoutMs?: number;
  /** Retries wait through this (tests record the waits instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

/** A client signed in to `emulator` as its demo user, with the credentials of `flavour`. */
export function demoClient(
  emulator: EmulatorHandle,
  flavour: ConfluenceFlavour,
  { totalTimeoutMs, sleep = async () => {} }: DemoClientOptions = {},
): ConfluenceClient {
  return createConfluenceClient({
    baseUrl: emulator.url,
    flavour,
    credentials:
      flavour === 'cloud'
        ? { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' }
        : { method: 'dc-pat', token: 'demo-pat' },
    guard: { privateOk: true, totalTimeoutMs },
    sleep,
  });
}
