import { clearFaults, concurrentEdit, readPage, resetEmulator, setFaults } from './emulator-admin';
import { alertNamed, DEADLINE_MS, expectRequestId, PAGE_PATH } from './failure-steps';
import { expect, test } from './fixtures';
import { type EditorPage, SANDBOX_ID } from './pages/editor-page';
import type { Flavour } from './pages/login-page';

/**
 * Saves Confluence does not answer, and pages it will not show: Cancel on a save tells the truth
 * about whether it landed and loses nothing, "Try again" is one click and keeps the save's
 * guarantees, and a 403 on opening says what happened and what to do.
 */

test.beforeEach(async () => {
  await resetEmulator();
  await clearFaults();
});

test.afterEach(async () => {
  await clearFaults();
});

/** Saves through the panel and waits until the save has waited on Confluence for a second. */
async function saveUntilWaiting(editorPage: EditorPage): Promise<void> {
  await editorPage.saveThroughPanel();
  await expect(editorPage.page.getByTestId('waiting-for-confluence')).toHaveText(
    /^Saving: waiting for Confluence… [1-9] s$/,
    { timeout: 10_000 },
  );
}

test('Cancel on a hanging save: not saved, the text and draft kept, Save again saves it', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('typed before the hang');
  await setFaults({ hangEvery: 1, methods: 'PUT', pathPattern: PAGE_PATH });
  await saveUntilWaiting(editorPage);

  await page.getByRole('button', { name: 'Cancel' }).click();
  const stopped = alertNamed(page, /^Not saved;/);
  await expect(stopped).toHaveText(
    /^Not saved; your text is safe \(in the editor and as a local draft\)\. Confluence still has version 3\./,
  );
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  await editorPage.expectToShow('typed before the hang');
  expect(await editorPage.storedDraft()).toContain('typed before the hang');
  expect((await readPage(SANDBOX_ID)).version.number).toBe(3);

  await clearFaults();
  await stopped.getByRole('button', { name: 'Save again' }).click();
  await expect(page.getByTestId('save-verification')).toHaveText(/^Saved and verified v4\./);
  await expect(stopped).toHaveCount(0);
  expect((await readPage(SANDBOX_ID)).body).toContain('typed before the hang');
  expect(await editorPage.storedDraft()).toBeNull();
});

test('Cancel on a save that lands unseen: "Saved after all", and the editor is at that version', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('lands while nobody waits');
  await setFaults({ putThenHangEvery: 1, pathPattern: PAGE_PATH });
  await saveUntilWaiting(editorPage);

  await page.getByRole('button', { name: 'Cancel' }).click();
  const stopped = page.getByRole('status').filter({ hasText: /^Saved after all: v4\./ });
  await expect(stopped).toBeVisible();
  await expect(editorPage.saveState).toHaveText('Saved v4');
  await expect(stopped.getByRole('button', { name: 'Save again' })).toHaveCount(0);
  expect(await editorPage.storedDraft()).toBeNull();

  // The next save goes on v4 (no conflict with itself), and the notice went with the edit.
  await clearFaults();
  await editorPage.appendParagraph('and one more');
  await expect(stopped).toHaveCount(0);
  await editorPage.saveThroughPanel();
  await expect(page.getByTestId('save-verification')).toHaveText(/^Saved and verified v5\./);
});

test('Cancel when the page cannot be read again: "could not find out", and Save again never doubles', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('nobody knows whether this landed');
  await setFaults({ hangEvery: 1, methods: 'PUT', pathPattern: PAGE_PATH });
  await saveUntilWaiting(editorPage);
  // The read-back after Cancel is refused, so whether the save landed cannot be told.
  await setFaults({ forbiddenEvery: 1, methods: 'GET', pathPattern: PAGE_PATH });

  await page.getByRole('button', { name: 'Cancel' }).click();
  const stopped = alertNamed(page, /^Pagewright could not find out/);
  await expect(stopped).toHaveText(
    /^Pagewright could not find out whether the save reached Confluence; your text is safe \(in the editor and as a local draft\)\. Save again: if the first save did land, you see it instead of a second copy\./,
  );
  await expect(editorPage.saveState).toHaveText('Unsaved changes');
  expect(await editorPage.storedDraft()).toContain('nobody knows whether this landed');

  await clearFaults();
  await stopped.getByRole('button', { name: 'Save again' }).click();
  await expect(page.getByTestId('save-verification')).toHaveText(/^Saved and verified v4\./);
  const stored = await readPage(SANDBOX_ID);
  expect(stored.version.number).toBe(4);
  expect(stored.body.split('nobody knows whether this landed')).toHaveLength(2);
});

test('a hanging save: the deadline message within 35 s, then one click on Try again saves', async ({
  page,
  editorPage,
}) => {
  test.setTimeout(90_000);
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('typed before the hang');
  await setFaults({ hangEvery: 1, methods: 'PUT', pathPattern: PAGE_PATH });
  const started = Date.now();
  await editorPage.saveThroughPanel();
  const alert = alertNamed(page, /^Confluence did not answer in 30 s\. Try again/);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
  expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
  await expect(alert).toContainText('Your text is safe');
  await expectRequestId(alert);

  await clearFaults();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('save-verification')).toHaveText(/^Saved and verified v4\./);
});

test('Try again after a colleague saved meanwhile: the conflict flow, not an overwrite', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID, { untilSaved: true });
  await editorPage.appendParagraph('mine, refused by a 502');
  await setFaults({ serverErrorEvery: 1, serverErrorStatus: 502, pathPattern: PAGE_PATH });
  await editorPage.saveThroughPanel();
  const alert = alertNamed(page, /Confluence answered with a server error \(HTTP 502\)/);
  await expect(alert).toBeVisible({ timeout: DEADLINE_MS });

  await clearFaults();
  await concurrentEdit(SANDBOX_ID, { message: 'by alex' });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(
    alertNamed(page, /^Someone else saved version 4 after you opened this page\./),
  ).toBeVisible();
  const stored = await readPage(SANDBOX_ID);
  expect(stored.version.number).toBe(4);
  expect(stored.body).not.toContain('mine, refused by a 502');
});

for (const flavour of ['Data Center', 'Cloud'] as Flavour[]) {
  test(`opening a page Confluence forbids (${flavour}): the cause, what to do, the request id`, async ({
    page,
    appUrl,
    loginPage,
  }) => {
    await loginPage.signInAsDemo('Demo User', flavour);
    await setFaults({ forbiddenEvery: 1, methods: 'GET', pathPattern: PAGE_PATH });
    const started = Date.now();
    await page.goto(`${appUrl}/pages/${SANDBOX_ID}`);
    const alert = alertNamed(page, /^Confluence refused this: you do not have permission\./);
    await expect(alert).toBeVisible({ timeout: DEADLINE_MS });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    await expect(alert).toContainText('Ask a space admin for access.');
    await expect(alert).not.toContainText('text is safe');
    await expectRequestId(alert);

    await clearFaults();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('toolbar', { name: 'Page tools' })).toBeVisible();
  });
}
