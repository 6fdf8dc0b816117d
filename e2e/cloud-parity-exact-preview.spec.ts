import { FLAVOURS } from './cloud-parity-steps';
import { resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';

/** The "Confluence — exact" preview: attachments in the page's context, proxied resources, styles. */

const MACRO_SHOWCASE_ID = '9470041';
const ATTACHMENTS_ID = '9470043';

test.beforeEach(async () => {
  await resetEmulator();
});

for (const flavour of FLAVOURS) {
  test(`${flavour}: page with attachments shows its PNG and its SVG, nothing loads off the app`, async ({
    page,
    offOrigin,
    editorPage,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await editorPage.signInAndOpen(ATTACHMENTS_ID, { person: 'Demo User', flavour });
    await editorPage.showExactPreview();
    const frame = editorPage.preview;
    for (const file of ['gradient.png', 'diagram.svg']) {
      const image = frame.locator(`img[src="/api/pages/${ATTACHMENTS_ID}/attachments/${file}"]`);
      await expect(image).toBeVisible();
      await expect
        .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    // The missing one is Confluence's own placeholder, fetched through the resource proxy.
    const placeholder = frame.locator('img[src^="/api/resources?path="][src*="placeholder"]');
    await expect(placeholder).toHaveCount(1);
    await expect
      .poll(() => placeholder.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    // Only API routes of the app: nothing from /wiki/… or /download/… on the app's origin.
    expect(requested.filter((path) => /^\/(wiki|download|images|plugins)\//.test(path))).toEqual(
      [],
    );
    expect(offOrigin).toEqual([]);
  });

  test(`${flavour}: macro showcase panels, status and tasks are styled`, async ({
    offOrigin,
    editorPage,
  }) => {
    await editorPage.signInAndOpen(MACRO_SHOWCASE_ID, { person: 'Demo User', flavour });
    await editorPage.showExactPreview();
    const frame = editorPage.preview;
    const info = frame.locator('.confluence-information-macro').first();
    await expect(info).toBeVisible();
    const background = await info.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const lozenge = frame.locator('.status-macro').first();
    expect(await lozenge.evaluate((element) => getComputedStyle(element).borderRadius)).toBe('3px');
    const emoticon = frame.locator('img.emoticon').first();
    await expect(emoticon).toHaveAttribute('src', /^\/api\/resources\?path=/);
    await expect
      .poll(() => emoticon.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(offOrigin).toEqual([]);
  });
}
