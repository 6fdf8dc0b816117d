import { expect, test } from './fixtures';
import {
  clearFaults,
  clearRequestLog,
  emulatorUrl,
  readPage,
  resetEmulator,
  setFaults,
} from './emulator-admin';
import { appErrors, SANDBOX_ID } from './pages/editor-page';

/** Confluence answers a save with 429: a live countdown, then the same save again. */

interface LoggedRequest {
  method: string;
  url: string;
  status: number;
  fault?: string;
}

async function savesLogged(): Promise<LoggedRequest[]> {
  const response = await fetch(`${emulatorUrl()}/__emulator/requests`);
  const { requests } = (await response.json()) as { requests: LoggedRequest[] };
  return requests.filter((r) => r.method === 'PUT' && r.url.includes(`/content/${SANDBOX_ID}`));
}

test.beforeEach(async () => {
  await resetEmulator();
  await clearFaults();
  await clearRequestLog();
});

test.afterEach(async () => {
  await clearFaults();
});

test('a 429 shows "Confluence is busy, retrying in N s", counts down, then saves', async ({
  page,
  offOrigin,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Saved after the wait');
  // From now on every request for this page is refused with Retry-After: 4.
  await setFaults({
    rateLimitEvery: 1,
    retryAfterSeconds: 4,
    pathPattern: `/content/${SANDBOX_ID}$`,
  });
  await editorPage.saveThroughPanel();

  const retry = page.getByTestId('save-retry');
  await expect(retry).toHaveText(/^Confluence is busy, retrying in [234] s$/);
  await expect(editorPage.saveState).toHaveText('Waiting to retry');
  const first = Number(/(\d) s$/.exec((await retry.textContent()) ?? '')?.[1]);
  // The countdown is live.
  await expect(retry).toHaveText(`Confluence is busy, retrying in ${first - 1} s`);
  // Confluence calms down before the wait is over: the automatic retry succeeds.
  await clearFaults();
  await expect(page.getByText('Saved version 4')).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  await expect(retry).toHaveCount(0);

  const saves = await savesLogged();
  expect(saves.map((r) => r.status)).toEqual([429, 200]);
  expect((await readPage(SANDBOX_ID)).body).toContain('<p>Saved after the wait</p>');
  expect(offOrigin).toEqual([]);
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('Cancel stops the automatic retry and keeps the text unsaved', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen();
  await editorPage.appendParagraph('Not sent again');
  await setFaults({
    rateLimitEvery: 1,
    // Long enough that a loaded machine still clicks Cancel before the retry is due.
    retryAfterSeconds: 6,
    pathPattern: `/content/${SANDBOX_ID}$`,
  });
  await editorPage.saveThroughPanel();
  const retry = page.getByTestId('save-retry');
  await expect(retry).toContainText('Confluence is busy, retrying in');
  await page
    .getByRole('region', { name: 'Save retry' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(retry).toHaveCount(0);
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  // Past the 6 s wait: still only the one refused attempt.
  await page.waitForTimeout(7_000);
  expect((await savesLogged()).map((r) => r.status)).toEqual([429]);
  await clearFaults();
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);
});
