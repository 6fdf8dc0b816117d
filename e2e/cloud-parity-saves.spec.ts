import { FLAVOURS } from './cloud-parity-steps';
import { freshEmulatorEachTest, readPage, setFaults } from './emulator-admin';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';

/** Minor edits stored as minor on both flavours (Cloud through v1), and the case-blind title clash. */

freshEmulatorEachTest();

for (const flavour of FLAVOURS) {
  test(`${flavour}: a ticked minor edit is stored as minor, at base + 1, parent kept`, async ({
    page,
    offOrigin,
    consoleErrors,
    editorPage,
  }) => {
    const before = await readPage(SANDBOX_ID);
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    await editorPage.appendParagraph('A typo fixed quietly');
    await editorPage.saveWithMinorEdit(true);
    await expect(page.getByText(`Saved version ${before.version.number + 1}`)).toBeVisible();
    const after = await readPage(SANDBOX_ID);
    expect(after.version).toMatchObject({ number: before.version.number + 1, minorEdit: true });
    expect(after.parentId).toBe(before.parentId);
    expect(after.body).toContain('<p>A typo fixed quietly</p>');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test(`${flavour}: "roadmap" clashes with "Roadmap" in the rename form`, async ({
    page,
    editorPage,
  }) => {
    await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour });
    await editorPage.toolbarButton('Rename').click();
    const dialog = page.getByRole('dialog', { name: 'Rename page' });
    const field = dialog.getByLabel('New title');
    await field.fill('roadmap');
    await expect(dialog.getByRole('status')).toHaveText(
      'A page titled roadmap already exists in DEMO',
    );
    await expect(dialog.getByRole('button', { name: 'Rename', exact: true })).toBeDisabled();
    await field.fill('Sandbox (case test)');
    await expect(dialog.getByRole('status')).toHaveText('Title is free');
  });
}

test('Cloud: when v1 is gone, a minor edit says so and offers a normal save', async ({
  page,
  editorPage,
}) => {
  const before = await readPage(SANDBOX_ID);
  await editorPage.signInAndOpen(SANDBOX_ID, { person: 'Demo User', flavour: 'Cloud' });
  await setFaults({ cloudV1Gone: true });
  await editorPage.appendParagraph('Saved normally in the end');
  await editorPage.saveWithMinorEdit(true);
  const alert = page.getByRole('alert').filter({ hasText: '410 Gone' });
  await expect(alert).toBeVisible();
  expect((await readPage(SANDBOX_ID)).version.number).toBe(before.version.number);

  await alert.getByRole('button', { name: 'Save as a normal edit' }).click();
  await expect(editorPage.minorEditBox).not.toBeChecked();
  await editorPage.savePanel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved version ${before.version.number + 1}`)).toBeVisible();
  const after = await readPage(SANDBOX_ID);
  expect(after.version).toMatchObject({ number: before.version.number + 1, minorEdit: false });
  expect(after.body).toContain('<p>Saved normally in the end</p>');
});
