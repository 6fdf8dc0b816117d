import { afterEach, describe, expect, it } from 'vitest';

import type { ConfluenceClient } from './client';
import { demoClient, emulatorPerTestFile } from './testing/emulator';

/**
 * The client against the emulator's fault knobs: what Confluence does on a bad day.
 */
const emulator = emulatorPerTestFile();
const slept: number[] = [];

afterEach(() => {
  slept.length = 0;
});

function client(flavour: 'cloud' | 'datacenter', totalTimeoutMs?: number): ConfluenceClient {
  return demoClient(emulator, flavour, {
    totalTimeoutMs,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
}

const SANDBOX = '9470040';

describe.each(['datacenter', 'cloud'] as const)('%s client under faults', (flavour) => {
  it('waits out a 429 as Retry-After asks, then succeeds', async () => {
    const confluence = client(flavour);
    await confluence.getAncestors(SANDBOX);
    emulator.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 3 });
    emulator.clearRequests();
    await confluence.getAncestors(SANDBOX);
    const page = await confluence.getPage(SANDBOX);
    expect(page.title).toBe('Sandbox');
    expect(slept.some((ms) => ms >= 3000)).toBe(true);
    expect(emulator.requests().some((entry) => entry.status === 429)).toBe(true);
    await confluence.close();
  });

  it('retries a reset connection on reads', async () => {
    const confluence = client(flavour);
    emulator.setFaults({ resetEvery: 2 });
    await confluence.getAncestors(SANDBOX);
    await expect(confluence.getAncestors(SANDBOX)).resolves.toBeDefined();
    await confluence.close();
  });

  it('gives up on reads after five tries', async () => {
    const confluence = client(flavour);
    emulator.setFaults({ serverErrorEvery: 1, serverErrorStatus: 503 });
    emulator.clearRequests();
    await expect(confluence.getAncestors(SANDBOX)).rejects.toMatchObject({ kind: 'server_error' });
    expect(emulator.requests()).toHaveLength(5);
    await confluence.close();
  });

  it('recognises a save that applied although the answer was a 504, and saves only once', async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    emulator.setFaults({ putThen504Every: 1 });
    const result = await confluence.savePage({
      id: SANDBOX,
      title: page.title,
      body: '<p>Saved through a 504.</p>',
      baseVersion: page.version.number,
      parentId: page.parentId,
    });
    expect(result).toMatchObject({
      version: page.version.number + 1,
      recovered: true,
      // The re-read that proved the save is what verification then uses.
      stored: { title: page.title, version: { number: page.version.number + 1 } },
    });
    expect(emulator.page(SANDBOX)?.current.number).toBe(page.version.number + 1);
    await confluence.close();
  });

  it('never repeats a save whose answer never came', async () => {
    const confluence = client(flavour, 500);
    const page = await confluence.getPage(SANDBOX);
    emulator.setFaults({ hangEvery: 1, pathPattern: `/${SANDBOX}$` });
    emulator.clearRequests();
    const saving = confluence.savePage({
      id: SANDBOX,
      title: page.title,
      body: '<p>x</p>',
      baseVersion: page.version.number,
      parentId: page.parentId,
    });
    await expect(saving).rejects.toMatchObject({ kind: 'timeout' });
    emulator.clearFaults();
    // The re-read found the page where it was: the original timeout stands, nothing was added.
    expect(emulator.page(SANDBOX)?.current.number).toBe(page.version.number);
    await confluence.close();
  });
});

it('keeps working on Cloud when v1 content endpoints are gone', async () => {
  emulator.setFaults({ cloudV1Gone: true });
  const confluence = client('cloud');
  const page = await confluence.getPage(SANDBOX);
  expect(page.ancestors.at(-1)?.title).toBe('Demo Home');
  await confluence.close();
});
