import type { Page } from '@playwright/test';

import {
  confluenceErrorMessage,
  messageFor,
  rateLimitedMessage,
  type AppErrorCode,
} from '../../lib/errors';
import { expect, test } from '../fixtures';

import {
  clearFaults,
  concurrentEdit,
  emulatorUrl,
  readPage,
  resetEmulator,
  setFaults,
} from '../emulator-admin';
import type { EditorPage } from '../pages/editor-page';
import { LoginPage } from '../pages/login-page';

/**
 * Faults (docs/security.md DATA-1, DATA-5..7): while Confluence misbehaves — a 429 storm,
 * 5xx, connection resets, a hang, a save applied and then answered 504, a colleague saving
 * mid-edit, the browser going offline, the session expiring — every keystroke typed ends up in
 * the saved body, every acknowledged save is exactly one new version, and each fault shows a
 * clear message.
 */

const PAGE = '9470040';
const SEED_VERSION = 3;
/** Faults hit the page's own REST path only (sign-in and the rest of the app work). */
const PAGE_PATH = `/rest/api/content/${PAGE}`;

async function versionCount(): Promise<number> {
  const response = await fetch(`${emulatorUrl()}${PAGE_PATH}/version?limit=200`, {
    headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
  });
  const json = (await response.json()) as { results: unknown[] };
  return json.results.length;
}

/** An alert showing the message of one of `codes` (the shared vocabulary, lib/errors.ts). */
function alertFor(page: Page, codes: AppErrorCode[]) {
  const messages = codes.flatMap(messagesFor);
  return page.getByRole('alert').filter({
    hasText: new RegExp(messages.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
  });
}

/** A code's messages: the table's, and those naming a status or a wait. */
function messagesFor(code: AppErrorCode): string[] {
  if (code === 'confluence_error') return [500, 502, 503, 504].map(confluenceErrorMessage);
  if (code === 'rate_limited') {
    return [messageFor(code), ...[1, 2, 3, 4, 5].map((s) => rateLimitedMessage(s * 1000))];
  }
  return [messageFor(code)];
}

/** The journey's bookkeeping: what was typed, how many saves were acknowledged. */
interface Journey {
  typed: string[];
  acknowledged: number;
}

async function startJourney(editorPage: EditorPage): Promise<Journey> {
  await editorPage.signInAndOpen(PAGE, { untilSaved: true });
  return { typed: [], acknowledged: 0 };
}

async function type(editorPage: EditorPage, journey: Journey, text: string): Promise<void> {
  await editorPage.typeParagraphAtEnd(text);
  journey.typed.push(text);
}

async function expectSaved(page: Page, journey: Journey): Promise<void> {
  journey.acknowledged += 1;
  // The header names the version the editor now stands on (the save state may already read
  // "Unsaved changes" again when typing went on during the save).
  await expect(
    page.getByText(new RegExp(`^Version ${SEED_VERSION + journey.acknowledged} by `)),
  ).toBeVisible({
    timeout: 45_000,
  });
}

/** Every keystroke is in Confluence's body, and each acknowledged save made exactly one version. */
async function expectNothingLost(journey: Journey): Promise<void> {
  const stored = await readPage(PAGE);
  for (const text of journey.typed) expect(stored.body, `typed "${text}"`).toContain(text);
  expect(stored.version.number).toBe(SEED_VERSION + journey.acknowledged);
  expect(await versionCount()).toBe(SEED_VERSION + journey.acknowledged);
}

test.beforeEach(async () => {
  await resetEmulator();
  await clearFaults();
});

test.afterEach(async () => {
  await clearFaults();
});

test('a 429 storm: "Confluence is busy, retrying in N s", typing goes on, then it saves once', async ({
  page,
  editorPage,
}) => {
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'typed before the storm');
  await setFaults({ rateLimitEvery: 1, retryAfterSeconds: 2, pathPattern: PAGE_PATH });
  await editorPage.saveThroughPanel();
  await expect(page.getByTestId('save-retry')).toHaveText(
    /^Confluence is busy, retrying in \d+ s$/,
  );
  await type(editorPage, journey, 'typed during the storm');
  await clearFaults();
  await expectSaved(page, journey);
  // What was typed while the save waited is still there, unsaved; the next save takes it.
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await editorPage.saveThroughPanel();
  await expectSaved(page, journey);
  await expectNothingLost(journey);
});

for (const [name, faults, codes] of [
  [
    '5xx',
    { serverErrorEvery: 1, serverErrorStatus: 500 },
    ['confluence_error', 'upstream_unexpected', 'internal'],
  ],
  ['503', { serverErrorEvery: 1, serverErrorStatus: 503 }, ['confluence_error', 'rate_limited']],
  ['connection resets', { resetEvery: 1 }, ['confluence_unavailable']],
] as const) {
  test(`${name} on save: a clear message, the text stays, the next save makes one version`, async ({
    page,
    editorPage,
  }) => {
    const journey = await startJourney(editorPage);
    await type(editorPage, journey, `typed before ${name}`);
    await setFaults({ ...faults, pathPattern: PAGE_PATH });
    await editorPage.saveThroughPanel();
    await expect(
      alertFor(page, [...codes])
        .or(page.getByTestId('save-retry'))
        .first(),
    ).toBeVisible({ timeout: 45_000 });
    await type(editorPage, journey, `typed after ${name}`);
    await clearFaults();
    // A 503 may be retried automatically; otherwise the user saves again.
    if (!(await editorPage.saveState.textContent())?.startsWith('Saved')) {
      await expect(editorPage.toolbarButton('Save')).toBeEnabled({ timeout: 45_000 });
      await editorPage.saveThroughPanel();
    }
    await expectSaved(page, journey);
    await expectNothingLost(journey);
  });
}

test('a hung save times out with a clear message; nothing is lost or doubled', async ({
  page,
  editorPage,
}) => {
  test.setTimeout(120_000);
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'typed before the hang');
  await setFaults({ hangEvery: 1, pathPattern: PAGE_PATH });
  await editorPage.saveThroughPanel();
  await expect(editorPage.saveState).toHaveText('Saving…');
  // Only the save hangs: Confluence answers again for the check that follows the timeout.
  await page.waitForTimeout(1_000);
  await clearFaults();
  await expect(alertFor(page, ['upstream_timeout'])).toBeVisible({ timeout: 60_000 });
  await type(editorPage, journey, 'typed after the hang');
  await editorPage.saveThroughPanel();
  await expectSaved(page, journey);
  await expectNothingLost(journey);
});

test('a save applied and then answered 504 counts as saved, with no second version', async ({
  page,
  editorPage,
}) => {
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'typed before the ambiguous save');
  await setFaults({ putThen504Every: 1, pathPattern: PAGE_PATH });
  await editorPage.saveThroughPanel();
  await expectSaved(page, journey);
  await clearFaults();
  await expectNothingLost(journey);
});

test('a colleague saves mid-edit: the conflict is explained, merged, and both edits kept', async ({
  page,
  editorPage,
}) => {
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'my edit at the end');
  const theirs = await readPage(PAGE);
  await concurrentEdit(PAGE, {
    body: `<p>Alex wrote this first</p>${theirs.body}`,
  });
  journey.acknowledged += 1; // Alex's version
  journey.typed.push('Alex wrote this first');
  await editorPage.toolbarButton('Save').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: messageForConflict(SEED_VERSION + 1) }),
  ).toBeVisible();
  // The merge view opens by itself (or from the banner): the clean merge is saved from it.
  const merge = page.getByRole('dialog');
  const opened = await merge.waitFor({ state: 'visible', timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!opened) await page.getByRole('button', { name: 'Review the merge' }).click();
  await merge.getByRole('button', { name: 'Save merged' }).click();
  await expectSaved(page, journey);
  await expectNothingLost(journey);
});

function messageForConflict(version: number): string {
  return `Someone else saved version ${version} after you opened this page`;
}

test('offline and back: the message says so, typing goes on, and the save lands once', async ({
  page,
  context,
  editorPage,
}) => {
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'typed online');
  await context.setOffline(true);
  await type(editorPage, journey, 'typed offline');
  await editorPage.saveThroughPanel();
  await expect(
    alertFor(page, ['offline'])
      .or(page.getByText(messageFor('offline')))
      .first(),
  ).toBeVisible();
  await type(editorPage, journey, 'typed still offline');
  await context.setOffline(false);
  if (!(await editorPage.saveState.textContent())?.startsWith('Saved'))
    await editorPage.saveThroughPanel();
  await expectSaved(page, journey);
  if ((await editorPage.saveState.textContent()) === 'Unsaved changes') {
    await editorPage.saveThroughPanel();
    await expectSaved(page, journey);
  }
  await expectNothingLost(journey);
});

test('the session expires mid-edit: a clear message, the draft survives sign-in, then it saves', async ({
  page,
  context,
  appUrl,
  editorPage,
}) => {
  const journey = await startJourney(editorPage);
  await type(editorPage, journey, 'typed before expiry');
  await context.clearCookies();
  await type(editorPage, journey, 'typed after expiry');
  await editorPage.saveThroughPanel();
  await expect(
    alertFor(page, ['not_signed_in', 'confluence_unauthorized'])
      .or(page.getByText(/sign in/i))
      .first(),
  ).toBeVisible();
  expect((await readPage(PAGE)).version.number).toBe(SEED_VERSION);

  // Sign in again (another tab, as a user would), come back: the draft is offered and saved.
  const other = await context.newPage();
  await new LoginPage(other, appUrl).signInAsDemo();
  await other.close();
  await page.goto(`${appUrl}/pages/${PAGE}`);
  const draft = page.getByRole('region', { name: 'Local draft' });
  await expect(draft).toBeVisible();
  await draft.getByRole('button', { name: 'Restore' }).click();
  await editorPage.saveThroughPanel();
  await expectSaved(page, journey);
  await expectNothingLost(journey);
});
