import type { Page } from '@playwright/test';

import { viewOf } from '../lib/pages/page-view';
import { readPage, resetEmulator } from './emulator-admin';
import { expect, test } from './fixtures';
import { SANDBOX_ID } from './pages/editor-page';
import { previewFrame, previewIframe } from './pages/preview-frame';

/**
 * The preview pane (components/preview/preview-pane.tsx): Instant vs Confluence rendering,
 * attachment and external images, scroll sync both ways, block patching, the error banner.
 */

const LARGE_ID = '9470042';
const ATTACHMENTS_ID = '9470043';
const EXTERNAL = 'https://images.example.test/pixel.png';
/** A 1×1 PNG, served for the external image when the user allows it. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The frame's vertical scroll offset. */
function frameScrollY(page: Page): Promise<number> {
  return previewIframe(page).evaluate(
    (element) => (element as HTMLIFrameElement).contentWindow!.scrollY,
  );
}

test.beforeEach(async () => {
  await resetEmulator();
});

test('Confluence mode shows the server rendering, labelled, and keeps it when a body is refused', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen(SANDBOX_ID);
  const label = page.getByTestId('preview-label');
  await expect(label).toHaveText('Instant preview — approximate');

  const rendered = page.waitForResponse(
    (response) => response.url().endsWith('/api/render') && response.request().method() === 'POST',
  );
  await page.getByRole('radio', { name: 'Confluence' }).check();
  expect((await rendered).status()).toBe(200);
  await expect(label).toContainText('Confluence rendering — exact · fetched');
  await expect(label.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(page.getByRole('radio', { name: 'Confluence' })).toBeChecked();

  // A body of our own, rendered by Confluence after the typing pause.
  await editorPage.replaceText('<h2>Rendered by Confluence</h2><p>exact text</p>');
  await expect(
    previewFrame(page).getByRole('heading', { name: 'Rendered by Confluence' }),
  ).toBeVisible({
    timeout: 10_000,
  });
  await expect(label).not.toContainText('older than your text');

  // Confluence refuses a broken body: its message shows, the last good rendering stays.
  await page.keyboard.insertText('<p>a<br></p>');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Confluence could not render' }),
  ).toBeVisible({ timeout: 10_000 });
  await expect(
    previewFrame(page).getByRole('heading', { name: 'Rendered by Confluence' }),
  ).toBeVisible();
  await expect(label).toContainText('older than your text');

  // Refresh asks again on demand; back to Instant, the approximate label returns.
  const again = page.waitForResponse((response) => response.url().endsWith('/api/render'));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await again;
  await page.getByRole('radio', { name: 'Instant' }).check();
  await expect(label).toHaveText('Instant preview — approximate');
  expect(consoleErrors.filter((message) => !/status of 4\d\d/.test(message))).toEqual([]);
});

test('attachment images load through the app; external ones only once allowed', async ({
  page,
  offOrigin,
  loginPage,
  editorPage,
}) => {
  const external: string[] = [];
  await page.route('https://images.example.test/**', (route) => {
    external.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
  await loginPage.signInAsDemo();
  await editorPage.forgetExternalImagesChoice();
  await editorPage.open(ATTACHMENTS_ID);

  const gradient = previewFrame(page).locator('img[src$="/attachments/gradient.png"]');
  await expect(gradient).toBeVisible();
  expect(await gradient.getAttribute('src')).toBe(
    `/api/pages/${ATTACHMENTS_ID}/attachments/gradient.png`,
  );
  await expect
    .poll(() => gradient.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBe(32);
  // An attachment that cannot be shown says so (missing.png does not exist).
  await expect(
    previewFrame(page).getByRole('img', { name: 'Image not loaded: missing.png' }),
  ).toBeVisible();
  // SVG is served as an image to image loads only (app/api/image-response.ts): it shows.
  const diagram = previewFrame(page).locator('img[src$="/attachments/diagram.svg"]');
  await expect
    .poll(() => diagram.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);

  // An external image: a labelled placeholder, and no request leaves for its host.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`<p><ac:image><ri:url ri:value="${EXTERNAL}"/></ac:image></p>`);
  const placeholder = previewFrame(page).getByRole('img', { name: `External image: ${EXTERNAL}` });
  await expect(placeholder).toBeVisible();
  await page.waitForTimeout(500);
  expect(external).toEqual([]);
  expect(offOrigin).toEqual([]);

  const toggle = page.getByRole('checkbox', { name: 'Load external images' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const loaded = previewFrame(page).locator(`img[src="${EXTERNAL}"]`);
  await expect.poll(() => loaded.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
  expect(external).toEqual([EXTERNAL]);

  // Remembered across reloads.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Load external images' })).toBeChecked();
});

/** The page's stored body (what the editor loaded), by line. */
/** The page's lines as the editor shows them (laid out when it is stored on one line). */
async function shownLines(id: string): Promise<string[]> {
  return viewOf((await readPage(id)).body).text.split('\n');
}

/** Scrolls the editor down by pages (its wrapped table rows are tall; the wheel is slow). */
async function pageDownEditor(page: Page, pages: number): Promise<void> {
  await page.locator('.monaco-editor .view-line').first().click();
  for (let i = 0; i < pages; i++) await page.keyboard.press('PageDown');
}

/** Line numbers Monaco shows now, top to bottom. */
function visibleEditorLines(page: Page): Promise<number[]> {
  return page.locator('.monaco-editor .line-numbers').evaluateAll((elements) =>
    elements
      .map((element) => ({
        line: Number(element.textContent),
        top: element.getBoundingClientRect().top,
      }))
      .filter((entry) => Number.isInteger(entry.line) && entry.line > 0)
      .sort((x, y) => x.top - y.top)
      .map((entry) => entry.line),
  );
}

/** The section (`<h2>Section N</h2>`) a source line belongs to. */
function sectionOfLine(lines: string[], line: number): number {
  for (let i = line - 1; i >= 0; i--) {
    const match = /<h2>Section (\d+)<\/h2>/.exec(lines[i]!);
    if (match) return Number(match[1]);
  }
  return 0;
}

/** The section whose heading is the last one at or above the frame's top edge. */
function frameTopSection(page: Page): Promise<number> {
  return previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const above = Array.from(doc.querySelectorAll('h2')).filter(
      (heading) => heading.getBoundingClientRect().top <= 5,
    );
    return Number(/\d+/.exec(above[above.length - 1]?.textContent ?? '')?.[0] ?? 0);
  });
}

test('the preview follows the editor, the editor follows the preview, and clicks reveal the line', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  // 200 KB stored on one line opens laid out: some 10,000 lines to page through.
  test.slow();
  await editorPage.signInAndOpen(LARGE_ID);
  const lines = await shownLines(LARGE_ID);
  const frame = previewFrame(page);
  await expect(frame.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  expect(await frameScrollY(page)).toBe(0);

  // Editor → preview: scrolling the editor scrolls the frame to the same section (the page opens
  // laid out: a table row is several lines, a section a few hundred).
  await pageDownEditor(page, 60);
  await expect.poll(() => frameScrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(300);
  const editorTop = (await visibleEditorLines(page))[0]!;
  const editorSection = sectionOfLine(lines, editorTop);
  expect(editorSection).toBeGreaterThan(1);
  expect(Math.abs((await frameTopSection(page)) - editorSection)).toBeLessThanOrEqual(1);

  // Preview → editor: scrolling the frame to Section 30 brings its source into view.
  const section30 = lines.findIndex((text) => text.includes('<h2>Section 30</h2>')) + 1;
  await previewIframe(page).evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument!;
    const heading = Array.from(doc.querySelectorAll('h2')).find(
      (h) => h.textContent === 'Section 30',
    )!;
    heading.scrollIntoView();
  });
  await expect.poll(async () => (await visibleEditorLines(page)).includes(section30)).toBe(true);

  // A click on a block puts the cursor on its source line.
  await frame.getByRole('heading', { name: 'Section 31', exact: true }).click();
  const section31 = lines.findIndex((text) => text.includes('<h2>Section 31</h2>')) + 1;
  await expect(page.getByText(`Ln ${section31}, Col 1`, { exact: true })).toBeVisible();
  expect(await visibleEditorLines(page)).toContain(section31);
  expect(consoleErrors).toEqual([]);
});

test('typing keeps the scroll position and re-creates only the edited block', async ({
  page,
  consoleErrors,
  editorPage,
}) => {
  await editorPage.signInAndOpen(LARGE_ID);
  const iframe = previewIframe(page);
  await expect(
    previewFrame(page).getByRole('heading', { name: 'Section 1', exact: true }),
  ).toBeVisible();
  // Well down the page (a page of the editor is a few hundred pixels of the frame's tables).
  await pageDownEditor(page, 12);
  await expect.poll(() => frameScrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(300);
  // Mark every top-level block; after the edit, all but one must still be the same nodes.
  const before = await iframe.evaluate((element) => {
    const frameElement = element as HTMLIFrameElement;
    const blocks = Array.from(frameElement.contentDocument!.body.children);
    for (const block of blocks) (block as Element & { __mark?: boolean }).__mark = true;
    return { count: blocks.length, scrollY: frameElement.contentWindow!.scrollY };
  });
  expect(before.count).toBeGreaterThan(20);

  // Click a visible line number (selects that line without scrolling), go to its start, type.
  const visible = await visibleEditorLines(page);
  const target = visible[Math.floor(visible.length / 2)]!;
  await page
    .locator('.monaco-editor .line-numbers', { hasText: new RegExp(`^${target}$`) })
    .click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.insertText('<p>Typed block</p>');
  await expect(previewFrame(page).getByText('Typed block')).toBeAttached();
  const after = await iframe.evaluate((element) => {
    const frameElement = element as HTMLIFrameElement;
    const blocks = Array.from(frameElement.contentDocument!.body.children);
    return {
      fresh: blocks.filter((block) => !(block as Element & { __mark?: boolean }).__mark).length,
      count: blocks.length,
      scrollY: frameElement.contentWindow!.scrollY,
    };
  });
  expect(after.fresh).toBe(1);
  expect(after.count - before.count).toBeLessThanOrEqual(1);
  // Same document, same place (the browser's scroll anchoring may nudge it by the new block).
  expect(Math.abs(after.scrollY - before.scrollY)).toBeLessThan(60);
  expect(consoleErrors).toEqual([]);
});

test('a broken body previews what can be recovered, with a banner that jumps to the error', async ({
  page,
  appUrl,
  consoleErrors,
  scratchpad,
}) => {
  await page.goto(`${appUrl}/scratch`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await scratchpad.replaceText('<p>fine</p>\n<p>still shown</p>\n<p>a<br></p>\n<p>after</p>');
  await expect(previewFrame(page).getByText('still shown')).toBeVisible();
  const banner = page.getByTestId('preview-recovered');
  await expect(banner).toContainText('the preview shows what could be recovered');
  const jump = banner.getByRole('button', { name: /^Go to line 3: `<br>` must be self-closed/ });
  await expect(jump).toBeVisible();
  await page.locator('.monaco-editor .view-line').first().click();
  await expect(page.getByText('Ln 1, Col')).toBeVisible();
  await jump.click();
  await expect(page.getByText('Ln 3, Col 5')).toBeVisible();
  await scratchpad.replaceText('<p>fixed</p>');
  await expect(banner).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
