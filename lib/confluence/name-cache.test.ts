import { describe, expect, it } from 'vitest';

import { ConfluenceError } from './errors';
import { DisplayNameCache } from './name-cache';
import type { ConfluenceTransport } from './transport';
import { CloudUserDirectory, DataCenterUserDirectory } from './users';

const ALEX = '5f3a1b2c3d4e5f6a7b8c9d02';
const GONE = '5f3a00000000000000000000';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A Cloud that knows Alex only, and counts the users-bulk calls it answers. */
function cloudUsers(options: { fail?: boolean } = {}) {
  const calls: string[][] = [];
  const http = {
    async request(_method: string, path: string, { json }: { json: { accountIds: string[] } }) {
      expect(path).toBe('wiki/api/v2/users-bulk');
      calls.push(json.accountIds);
      if (options.fail) throw new ConfluenceError('server_error', 'Confluence is down.');
      return {
        results: json.accountIds
          .filter((id) => id === ALEX)
          .map((accountId) => ({ accountId, displayName: 'Alex Other' })),
      };
    },
  } as unknown as ConfluenceTransport;
  return { http, calls };
}

describe('DisplayNameCache', () => {
  it('keeps each scope to itself', () => {
    const cache = new DisplayNameCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.scope('session-1 https://a.example').set(ALEX, 'Alex Other');
    expect(cache.scope('session-1 https://a.example').get(ALEX)).toBe('Alex Other');
    expect(cache.scope('session-2 https://a.example').get(ALEX)).toBeUndefined();
    expect(cache.scope('session-1 https://b.example').get(ALEX)).toBeUndefined();
  });

  it('forgets a name once its time to live has passed', () => {
    const time = clock();
    const cache = new DisplayNameCache({ maxEntries: 10, ttlMs: 60_000, now: time.now });
    const names = cache.scope('s');
    names.set(ALEX, 'Alex Other');
    time.advance(59_999);
    expect(names.get(ALEX)).toBe('Alex Other');
    time.advance(1);
    expect(names.get(ALEX)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new DisplayNameCache({ maxEntries: 2, ttlMs: 60_000 });
    const names = cache.scope('s');
    names.set('a', 'A');
    names.set('b', 'B');
    expect(names.get('a')).toBe('A'); // a is now the most recently used
    names.set('c', 'C');
    expect(cache.size).toBe(2);
    expect(names.get('b')).toBeUndefined();
    expect(names.get('a')).toBe('A');
    expect(names.get('c')).toBe('C');
  });

  it('remembers "nobody by that id" apart from "not asked yet"', () => {
    const names = new DisplayNameCache({ maxEntries: 2, ttlMs: 60_000 }).scope('s');
    names.set(GONE, null);
    expect(names.get(GONE)).toBeNull();
    expect(names.get(ALEX)).toBeUndefined();
  });
});

describe('CloudUserDirectory with a session cache', () => {
  it('asks users-bulk once per session: a second request of the same session is answered from the cache', async () => {
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000 });
    const { http, calls } = cloudUsers();
    // Each request builds its own client; the cache is what they share.
    const first = await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX, GONE]);
    const second = await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX, GONE]);
    expect(first).toEqual({ [ALEX]: 'Alex Other', [GONE]: 'Unknown user (5f3a0000…)' });
    expect(second).toEqual(first);
    expect(calls).toEqual([[ALEX, GONE]]);
  });

  it('another session asks again', async () => {
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000 });
    const { http, calls } = cloudUsers();
    await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX]);
    await new CloudUserDirectory(http, cache.scope('s2')).displayNames([ALEX]);
    expect(calls).toEqual([[ALEX], [ALEX]]);
  });

  it('asks again once the name has expired', async () => {
    const time = clock();
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000, now: time.now });
    const { http, calls } = cloudUsers();
    await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX]);
    time.advance(60_000);
    await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX]);
    expect(calls).toHaveLength(2);
  });

  it('asks only for the ids it does not hold yet', async () => {
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000 });
    const { http, calls } = cloudUsers();
    await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX]);
    await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX, GONE]);
    expect(calls).toEqual([[ALEX], [GONE]]);
  });

  it('answers with what it just learnt even when the bounded cache has already let it go', async () => {
    const cache = new DisplayNameCache({ maxEntries: 1, ttlMs: 60_000 });
    const { http } = cloudUsers();
    const names = await new CloudUserDirectory(http, cache.scope('s1')).displayNames([ALEX, GONE]);
    expect(names[ALEX]).toBe('Alex Other');
    expect(cache.size).toBe(1);
  });

  it('a failed lookup answers with the fallback label, is not remembered, and is asked again', async () => {
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000 });
    const down = cloudUsers({ fail: true });
    const names = await new CloudUserDirectory(down.http, cache.scope('s1')).displayNames([ALEX]);
    expect(names).toEqual({ [ALEX]: 'Unknown user (5f3a1b2c…)' });
    expect(cache.size).toBe(0);
    const up = cloudUsers();
    const again = await new CloudUserDirectory(up.http, cache.scope('s1')).displayNames([ALEX]);
    expect(again).toEqual({ [ALEX]: 'Alex Other' });
  });
});

describe('DataCenterUserDirectory with a session cache', () => {
  function dataCenterUsers() {
    const asked: string[] = [];
    const http = {
      async request(_method: string, _path: string, { query }: { query: { username: string } }) {
        asked.push(query.username);
        if (query.username !== 'alex') throw new ConfluenceError('not_found', 'No such user.');
        return { username: 'alex', displayName: 'Alex Other' };
      },
    } as unknown as ConfluenceTransport;
    return { http, asked };
  }

  it('remembers names and unknown users for the session', async () => {
    const cache = new DisplayNameCache({ maxEntries: 100, ttlMs: 60_000 });
    const { http, asked } = dataCenterUsers();
    const first = await new DataCenterUserDirectory(http, cache.scope('s1')).displayNames([
      'alex',
      'ghost',
    ]);
    const second = await new DataCenterUserDirectory(http, cache.scope('s1')).displayNames([
      'alex',
      'ghost',
    ]);
    expect(first).toEqual({ alex: 'Alex Other', ghost: 'Unknown user (ghost…)' });
    expect(second).toEqual(first);
    expect(asked.sort()).toEqual(['alex', 'ghost']);
  });
});
