import { FLAVOURS, openPageAs } from './cloud-parity-steps';
import { expect, test } from './fixtures';
import {
  appendParagraph,
  emulatorAdmin,
  SANDBOX_ID,
  savePanel,
  storedPage,
  toolbarButton,
} from './save-helpers';

/** Minor edits stored as minor on both flavours (Cloud through v1), and the case-blind title clash. */

test.beforeEach(async () => {
  await emulatorAdmin('/faults', {}, 'DELETE');
  await emulatorAdmin('/reset');
});
test.afterEach(async () => {
  await emulatorAdmin('/faults', {}, 'DELETE');
});

async function saveWithMinorEdit(page: import('@playwright/test').Page, minor: boolean) {
  await toolbarButton(page, 'Save').click();
  const panel = savePanel(page);
  await panel.getByLabel(/Minor edit/).setChecked(minor);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
}

for (const flavour of FLAVOURS) {
  test(`${flavour}: a ticked minor edit is stored as minor, at base + 1, parent kept`, async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
  }) => {
    const before = await storedPage(SANDBOX_ID);
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    await appendParagraph(page, 'A typo fixed quietly');
    await saveWithMinorEdit(page, true);
    await expect(page.getByText(`Saved version ${before.version.number + 1}`)).toBeVisible();
    const after = await storedPage(SANDBOX_ID);
    expect(after.version).toMatchObject({ number: before.version.number + 1, minorEdit: true });
    expect(after.parentId).toBe(before.parentId);
    expect(after.body).toContain('<p>A typo fixed quietly</p>');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test(`${flavour}: "roadmap" clashes with "Roadmap" in the rename form`, async ({
    page,
    appUrl,
  }) => {
    await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', flavour);
    await toolbarButton(page, 'Rename').click();
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
  appUrl,
}) => {
  const before = await storedPage(SANDBOX_ID);
  await openPageAs(page, appUrl, SANDBOX_ID, 'Demo User', 'Cloud');
  await emulatorAdmin('/faults', { cloudV1Gone: true });
  await appendParagraph(page, 'Saved normally in the end');
  await saveWithMinorEdit(page, true);
  const alert = page.getByRole('alert').filter({ hasText: '410 Gone' });
  await expect(alert).toBeVisible();
  expect((await storedPage(SANDBOX_ID)).version.number).toBe(before.version.number);

  await alert.getByRole('button', { name: 'Save as a normal edit' }).click();
  const panel = savePanel(page);
  await expect(panel.getByLabel(/Minor edit/)).not.toBeChecked();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved version ${before.version.number + 1}`)).toBeVisible();
  const after = await storedPage(SANDBOX_ID);
  expect(after.version).toMatchObject({ number: before.version.number + 1, minorEdit: false });
  expect(after.body).toContain('<p>Saved normally in the end</p>');
});
