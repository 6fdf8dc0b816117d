import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures';

import { concurrentEdit, resetEmulator } from '../emulator-admin';
import { JOURNEY_USER } from './journey-user';

/**
 * Credentials (docs/security.md SESS-2, SESS-3, LOG-1, LOG-2, LOG-4): a whole journey —
 * sign in with a personal access token, open, edit, preview, save, conflict, sign out, sign in
 * with a password, sign out — with one-of-a-kind fake secrets. Neither secret may appear in any
 * response body, any header but the cookie, any request header, local/session storage,
 * IndexedDB, the built JS/CSS bundles or a server log line; the session cookie is httpOnly and
 * sealed (iron's `Fe26.2*` seal, nothing readable inside).
 */

const PAGE_ID = '9470040';

/** Each secret as it could leak: raw, URL-encoded, base64 (alone and as Basic credentials). */
function secretForms(): Map<string, string> {
  const { username, password, pat } = JOURNEY_USER;
  const b64 = (value: string) => Buffer.from(value).toString('base64');
  return new Map([
    ['PAT', pat],
    ['password', password],
    ['PAT (base64)', b64(pat)],
    ['password (base64)', b64(password)],
    ['Basic credentials (base64)', b64(`${username}:${password}`)],
    ['PAT (URL-encoded)', encodeURIComponent(pat)],
  ]);
}

function leaksIn(haystack: string): string[] {
  return [...secretForms()].filter(([, value]) => haystack.includes(value)).map(([name]) => name);
}

interface Recorded {
  where: string;
  text: string;
}

/** Records every response (body and headers other than Set-Cookie) and request header. */
function recordTraffic(page: Page): { done: () => Promise<Recorded[]> } {
  const pending: Promise<Recorded | null>[] = [];
  const requests: Recorded[] = [];
  page.on('request', (request) => {
    const headers = Object.entries(request.headers()).filter(([name]) => name !== 'cookie');
    requests.push({ where: `request headers ${request.url()}`, text: JSON.stringify(headers) });
  });
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = (await response.headersArray()).filter(
          ({ name }) => name.toLowerCase() !== 'set-cookie',
        );
        const body = await response.text().catch(() => '');
        return {
          where: `response ${response.status()} ${response.request().method()} ${response.url()}`,
          text: `${JSON.stringify(headers)}\n${body}`,
        };
      })().catch(() => null),
    );
  });
  return {
    done: async () => [
      ...requests,
      ...(await Promise.all(pending)).filter((r): r is Recorded => r !== null),
    ],
  };
}

/** Everything the page keeps in the browser: local and session storage, every IndexedDB store. */
function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = {
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
    };
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump[`idb:${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test.beforeEach(async () => {
  await resetEmulator();
});

test('a whole journey leaks neither the token nor the password anywhere', async ({
  page,
  context,
  appUrl,
  offOrigin,
  editorPage,
}) => {
  test.setTimeout(120_000);
  const traffic = recordTraffic(page);
  const storageDumps: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });

  // Sign in with the personal access token.
  await page.goto(`${appUrl}/login`);
  await page.getByRole('radio', { name: 'Data Center (token)' }).check();
  await page.getByLabel('Personal access token').fill(JOURNEY_USER.pat);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByText(JOURNEY_USER.displayName)).toBeVisible();

  // The session cookie: httpOnly, invisible to scripts, sealed.
  const cookies = await context.cookies();
  const session = cookies.filter((cookie) => cookie.value.startsWith('Fe26.2*'));
  expect(session, 'one iron-sealed session cookie').toHaveLength(1);
  expect(session[0]!.httpOnly).toBe(true);
  expect(session[0]!.sameSite).not.toBe('None');
  expect(leaksIn(session[0]!.value)).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).not.toContain(session[0]!.name);
  const sealedValue = session[0]!.value;

  // Open, edit, preview, save.
  await editorPage.open(PAGE_ID, { untilSaved: true });
  await editorPage.appendParagraph('Journey edit one');
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await expect(editorPage.preview.locator('body')).toContainText('Sandbox');
  await editorPage.saveThroughPanel();
  await expect(editorPage.saveState).toHaveText('Saved v4');

  // A colleague saves; my next save meets the conflict.
  await concurrentEdit(PAGE_ID, { body: '<p>Alex was here</p>' });
  await editorPage.appendParagraph('Journey edit two');
  await editorPage.saveThroughPanel();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone else saved version 5' }),
  ).toBeVisible();
  storageDumps.push(await browserStorage(page));
  // The conflict may open the merge view as a modal dialog: close it (Escape) first.
  const mergeView = page.getByRole('dialog');
  if (await mergeView.isVisible()) await page.keyboard.press('Escape');
  await expect(mergeView).toHaveCount(0);

  // Sign out (the editor may ask before leaving unsaved text: accepted above).
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  // Unsaved text or stored drafts: the sign-out dialog asks first.
  await page
    .getByRole('dialog', { name: 'Sign out?' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await expect(page).toHaveURL(/\/login/);

  // Sign in again with the password, then out.
  await page.getByRole('radio', { name: 'Data Center (login)' }).check();
  await page.getByLabel('Username').fill(JOURNEY_USER.username);
  await page.getByLabel('Password').fill(JOURNEY_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByText(JOURNEY_USER.displayName)).toBeVisible();
  storageDumps.push(await browserStorage(page));
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  // Unsaved text or stored drafts: the sign-out dialog asks first.
  await page
    .getByRole('dialog', { name: 'Sign out?' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await expect(page).toHaveURL(/\/login/);
  storageDumps.push(await browserStorage(page));

  // Responses and request headers. The sign-in requests' own bodies are not recorded (they
  // must carry the secret); everything the server sent back is.
  const recorded = await traffic.done();
  expect(recorded.length).toBeGreaterThan(20);
  for (const { where, text } of recorded) expect(leaksIn(text), where).toEqual([]);
  for (const dump of storageDumps) expect(leaksIn(dump), 'browser storage').toEqual([]);

  // The built client bundles (and the demo session secret must not be in them either).
  const distDir = process.env.PAGEWRIGHT_DIST_DIR || '.next';
  const bundleFiles = filesUnder(join(__dirname, '../..', distDir, 'static')).filter((file) =>
    /\.(js|css|html|json|map)$/.test(file),
  );
  expect(bundleFiles.length).toBeGreaterThan(10);
  const sessionSecretFile = join(process.env.E2E_DEMO_DATA_DIR ?? '', 'session-secret');
  const sessionSecret = existsSync(sessionSecretFile)
    ? readFileSync(sessionSecretFile, 'utf8').trim()
    : null;
  for (const file of bundleFiles) {
    const text = readFileSync(file, 'utf8');
    expect(leaksIn(text), file).toEqual([]);
    if (sessionSecret)
      expect(text.includes(sessionSecret), `session secret in ${file}`).toBe(false);
  }

  // The server's log: nothing of the secrets, and not the sealed cookie either.
  const logFile = process.env.E2E_SERVER_LOG_FILE;
  expect(logFile, 'global-setup writes the server log to a file').toBeTruthy();
  // The log covers the journey (the save's info line is there) before it is searched.
  await expect.poll(() => readFileSync(logFile!, 'utf8')).toContain('"event":"page_saved"');
  const log = readFileSync(logFile!, 'utf8');
  const lines = log.split('\n');
  for (const line of lines) {
    expect(leaksIn(line), `log line: ${line.slice(0, 200)}`).toEqual([]);
    expect(line.includes(sealedValue.slice(0, 60)), 'sealed cookie in a log line').toBe(false);
  }
  expect(offOrigin).toEqual([]);
});
