import { clearRequestLog, emulatorRequests } from '../emulator-admin';
import { expect, test } from '../fixtures';

import { signInFrom } from './sign-in-client';

/**
 * Sign-in throttling over real HTTP against the production server (docs/security.md RATE-1):
 * the server takes each client's address from its socket, so one client cannot use up anyone
 * else's attempts, a header cannot make it someone else, and parallel guesses at one account
 * get five tries in all. Every client here is its own loopback address (127.0.2.x), apart from
 * the rest of the suite's 127.0.0.1.
 */
async function upstreamSignIns(): Promise<number> {
  return (await emulatorRequests()).filter((entry) =>
    entry.url.split('?')[0]!.endsWith('/user/current'),
  ).length;
}

test('one client failing with made-up names is throttled alone; headers cannot make it another client', async ({
  appUrl,
}) => {
  const attacker = '127.0.2.1';
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt += 1) {
    const response = await signInFrom(attacker, appUrl, {
      method: 'dc-password',
      username: `made-up-${Date.now()}-${attempt}`,
      password: 'guess',
    });
    statuses.push(response.status);
  }
  expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);

  const forgeries: Array<Record<string, string>> = [
    { 'x-forwarded-for': '203.0.113.50' },
    { 'x-pagewright-socket-address': '127.0.2.99' },
    { 'x-pagewright-socket-address': `${'0'.repeat(64)} 127.0.2.99` },
    { 'x-real-ip': '203.0.113.51', forwarded: 'for=203.0.113.51' },
  ];
  for (const forged of forgeries) {
    const response = await signInFrom(
      attacker,
      appUrl,
      { method: 'dc-password', username: 'demo', password: 'demo' },
      forged,
    );
    expect(response.status, JSON.stringify(forged)).toBe(429);
  }

  const someoneElse = await signInFrom('127.0.2.2', appUrl, {
    method: 'dc-password',
    username: 'demo',
    password: 'demo',
  });
  expect(someoneElse.status).toBe(200);
});

test('bad personal access tokens block the client that sends them, not every token user', async ({
  appUrl,
}) => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await signInFrom('127.0.2.3', appUrl, {
      method: 'dc-pat',
      token: `bad-${attempt}`,
    });
    expect(response.status).toBe(401);
  }
  const blocked = await signInFrom('127.0.2.3', appUrl, { method: 'dc-pat', token: 'demo-pat' });
  expect(blocked.status).toBe(429);
  const colleague = await signInFrom('127.0.2.4', appUrl, { method: 'dc-pat', token: 'demo-pat' });
  expect(colleague.status).toBe(200);
});

test('25 parallel guesses at one account from 25 clients: exactly 5 reach Confluence', async ({
  appUrl,
}) => {
  const username = `parallel-${Date.now()}`;
  await clearRequestLog();
  const responses = await Promise.all(
    Array.from({ length: 25 }, (_, index) =>
      signInFrom(`127.0.2.${10 + index}`, appUrl, {
        method: 'dc-password',
        username,
        password: `guess-${index}`,
      }),
    ),
  );
  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 401)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  expect(await upstreamSignIns()).toBe(5);
});
