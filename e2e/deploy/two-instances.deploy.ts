import { readFileSync } from 'node:fs';

import { CSRF_HEADERS } from '../../lib/http/csrf-header';
import { expect, test } from '../fixtures';
import { savePanel } from '../save-helpers';

/**
 * Two production instances behind nginx (round robin), sharing only SESSION_SECRET and Redis
 * (see global-setup.ts). Every request alternates between them, so each step below crosses
 * instances: a session sealed by one is honoured by the other, a sign-out on one is seen by the
 * other, and failed sign-ins counted by both add up to one throttle.
 */
const PAGE_ID = '9470040';
const WRONG_PASSWORD = 'Wr0ng-deploy-password-7f3a';

function instanceUrls(): string[] {
  const urls = process.env.E2E_INSTANCE_URLS?.split(' ').filter(Boolean) ?? [];
  if (urls.length !== 2)
    throw new Error('E2E_INSTANCE_URLS is not set: deploy global-setup did not run');
  return urls;
}

function instanceLogs(): string {
  return (process.env.E2E_INSTANCE_LOGS ?? '')
    .split(' ')
    .filter(Boolean)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

async function signIn(url: string, origin: string, username: string, password: string) {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ method: 'dc-password', username, password }),
  });
}

test.beforeEach(async () => {
  const response = await fetch(`${process.env.E2E_EMULATOR_URL}/__emulator/reset`, {
    method: 'POST',
  });
  expect(response.ok).toBe(true);
});

test('sign in, open, save and sign out through the balancer, across both instances', async ({
  page,
  appUrl,
  consoleErrors,
}) => {
  const [first, second] = instanceUrls() as [string, string];
  const answeredBy = new Set<string>();
  page.on('response', (response) => {
    const instance = response.headers()['x-pagewright-instance'];
    if (instance) answeredBy.add(instance);
  });

  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await expect(page.getByLabel('Page ID, URL or title')).toBeVisible();

  // Whichever instance sealed the session, both open it (same SESSION_SECRET, no sticky routing).
  const sessionCookie = (await page.context().cookies()).find((cookie) =>
    cookie.name.endsWith('pagewright_session'),
  );
  expect(sessionCookie).toBeDefined();
  const cookie = `${sessionCookie!.name}=${sessionCookie!.value}`;
  for (const url of [first, second]) {
    const response = await fetch(`${url}/api/pages/${PAGE_ID}`, { headers: { cookie } });
    expect(response.status, url).toBe(200);
    expect((await response.json()).page).toMatchObject({ id: PAGE_ID, title: 'Sandbox' });
  }

  await page.goto(`${appUrl}/pages/${PAGE_ID}`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('<p>Saved through the balancer</p>');
  // Ctrl/Cmd+S opens the save panel, a second press saves (as e2e/page-editor.spec.ts).
  await page.keyboard.press('ControlOrMeta+S');
  await expect(savePanel(page)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('save-state')).toHaveText('Saved v4');
  // Round robin: the page's API calls were answered by both instances.
  expect([...answeredBy].sort()).toEqual(['a', 'b']);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // The old cookie, replayed: revoked on both instances (the revocation list lives in Redis).
  for (const url of [first, second]) {
    const response = await fetch(`${url}/api/pages/${PAGE_ID}`, { headers: { cookie } });
    expect(response.status, url).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe('not_signed_in');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  }
  expect(consoleErrors.filter((message) => !/status of 401/.test(message))).toEqual([]);
});

test('failed sign-ins on both instances add up to one throttle', async ({ appUrl }) => {
  const [first, second] = instanceUrls() as [string, string];
  const answeredBy = new Set<string>();
  // Five failures for one user block it (security.md RATE-1); round robin spreads them over both
  // instances, so only a shared counter reaches five.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const response = await signIn(appUrl, appUrl, 'alex', WRONG_PASSWORD);
    expect(response.status, `attempt ${attempt}`).toBe(401);
    answeredBy.add(response.headers.get('x-pagewright-instance') ?? '?');
  }
  expect([...answeredBy].sort()).toEqual(['a', 'b']);

  const throttled = await signIn(appUrl, appUrl, 'alex', WRONG_PASSWORD);
  expect(throttled.status).toBe(429);
  const body = await throttled.json();
  expect(body.error.code).toBe('sign_in_throttled');
  expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  const requestId = throttled.headers.get('x-request-id');
  expect(body.error.requestId).toBe(requestId);

  // Even the right password is refused now, by either instance addressed directly.
  for (const url of [first, second]) {
    const response = await signIn(url, url, 'alex', 'alex');
    expect(response.status, url).toBe(429);
  }

  // The id a user would quote finds the refusal in the logs; the password is in no log line.
  await expect.poll(() => instanceLogs().includes(`"requestId":"${requestId}"`)).toBe(true);
  const logs = instanceLogs();
  expect(logs).not.toContain(WRONG_PASSWORD);
  const records = logs
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; requestId?: string; event?: string });
  expect(records.some((record) => record.msg === 'sign-in failed')).toBe(true);
  // Every log line names its request; only the process's own start and stop lines stand alone.
  for (const record of records) {
    if (['listening', 'shutdown', 'stopped'].includes(record.event ?? '')) continue;
    expect(record.requestId, JSON.stringify(record)).toMatch(/^[\w-]{8,64}$/);
  }
});

test('health: liveness and readiness through the balancer', async ({ appUrl }) => {
  const live = await fetch(`${appUrl}/api/health`);
  expect(live.status).toBe(200);
  expect(await live.json()).toMatchObject({ status: 'ok' });
  const ready = await fetch(`${appUrl}/api/health?ready=1`);
  expect(ready.status).toBe(200);
  const body = await ready.json();
  expect(body).toMatchObject({ status: 'ready', checks: { confluence: 'ok', store: 'ok' } });
  // No address, secret or URL of anything in the answer.
  expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|redis:|http/);
});
