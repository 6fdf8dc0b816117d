import type { Page } from '@playwright/test';

import {
  blockAtOffset,
  type CheckAnswer,
  classifyBlocksByOffset,
  resolutionFromCheck,
} from '../lib/preview/preview-fidelity';
import { FIRST_ENTRY_BUTTONS, MORE_ENTRY_BUTTONS } from '../lib/preview/preview-fidelity-badges';
import { largeMixedOneLineBody } from '../lib/emulator/seed/bodies';
import { viewOf } from '../lib/pages/page-view';
import { parseStorage } from '../lib/storage-format/parse';
import { readPage, resetEmulator, updatePage } from './emulator-admin';
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/editor-page';
import type { LoginPage } from './pages/login-page';
import {
  focusedMarkOffset,
  frameScrollY,
  frameTopBlockOffset,
  frameTopSection,
  markTooltip,
  overlaps,
  previewFrame,
  previewMarks,
  previewTextBoxes,
  scrollFrameTo,
} from './pages/preview-frame';

/**
 * Preview marks and scroll sync on bodies stored as Confluence's own editor stores them: on one
 * line. Marks are keyed by source offset (lib/preview/preview-marks.ts), so only the blocks that
 * are approximate or unresolved carry one; scroll sync goes through offsets both ways
 * (components/preview/use-scroll-sync.ts), so a one-line body syncs block by block.
 */

const SHOWCASE_ID = '9470041';
const LARGE_ONE_LINE_ID = '9470052';

/**
 * The body with the whitespace between its top-level blocks removed, as Confluence's editor
 * stores a page: the blocks follow each other on one line (CDATA keeps its own newlines).
 */
function onOneLine(body: string): string {
  return parseStorage(body)
    .document.children.filter((node) => node.type !== 'text' || node.value.trim() !== '')
    .map((node) => body.slice(node.span.start, node.span.end))
    .join('');
}

/** Stores the Macro showcase on one line, as Confluence's editor would; returns that body. */
async function storeShowcaseOnOneLine(): Promise<string> {
  const oneLine = onOneLine((await readPage(SHOWCASE_ID)).body);
  await updatePage(SHOWCASE_ID, 'Macro showcase', oneLine);
  return oneLine;
}

/** The editor's lines on screen (view lines: a wrapped line gives several), top to bottom. */
function visibleEditorText(editorPage: EditorPage): Promise<string[]> {
  return editorPage.editor.locator('.view-lines').evaluate((lines) => {
    const viewport = lines.closest('.monaco-scrollable-element')!.getBoundingClientRect();
    return Array.from(lines.querySelectorAll('.view-line'))
      .map((line) => ({ top: line.getBoundingClientRect().top, text: line.textContent ?? '' }))
      .filter((line) => line.top >= viewport.top - 2 && line.top < viewport.bottom)
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' '));
  });
}

/**
 * The section the editor's top lines are in: the first `Section N`, `section N`, `section_N`
 * there, or row number n (N·1000 + row) of section N.
 */
async function editorTopSection(editorPage: EditorPage): Promise<number> {
  const top = (await visibleEditorText(editorPage)).slice(0, 12).join('');
  const found = /(?:[Ss]ection[ _]|DEMO-)(\d+)/.exec(top);
  if (!found) return 0;
  const n = Number(found[1]);
  return n >= 1000 ? Math.floor(n / 1000) : n;
}

/**
 * Signs in and opens a big page: Monaco takes longer than an expect's default wait to appear on
 * a 300 KB body on a busy machine.
 */
async function openBigPage(
  page: Page,
  loginPage: LoginPage,
  appUrl: string,
  id: string,
  signIn = true,
): Promise<void> {
  if (signIn) await loginPage.signInAsDemo();
  await page.goto(`${appUrl}/pages/${id}`);
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
}

/** Finds `text` with the editor's find widget: Monaco reveals the match (and so scrolls). */
async function findInEditor(page: Page, editorPage: EditorPage, text: string): Promise<void> {
  await editorPage.focusEditor();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * Opens the page and waits for the first reference check with Confluence: returns the text the
 * preview rendered (the body as the editor holds it) and Confluence's answer about it.
 */
async function openAndCheck(
  page: Page,
  editorPage: EditorPage,
  id: string,
): Promise<{ source: string; answer: CheckAnswer }> {
  const checked = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/pages/${id}/check`) && response.request().method() === 'POST',
  );
  await editorPage.signInAndOpen(id);
  const response = await checked;
  const source = (JSON.parse(response.request().postData() ?? '{}') as { body: string }).body;
  return { source, answer: (await response.json()) as CheckAnswer };
}

/** The top-level blocks of a body that start on its first line (all of them, stored on one line). */
function blocksOnFirstLine(body: string): number {
  const parsed = parseStorage(body);
  return classifyBlocksByOffset(parsed).filter(
    (block) => parsed.positions.lineColumnAt(block.start).line === 1,
  ).length;
}

test.beforeEach(async () => {
  await resetEmulator();
});

test('on the one-line Macro showcase, exactly the approximate and unresolved blocks carry a quiet mark', async ({
  page,
  editorPage,
  consoleErrors,
}) => {
  const oneLine = await storeShowcaseOnOneLine();
  // Only CDATA keeps its newlines: the blocks before the first code block share line 1.
  expect(blocksOnFirstLine(oneLine)).toBeGreaterThan(5);
  expect(blocksOnFirstLine((await readPage(SHOWCASE_ID)).body)).toBeGreaterThan(5);
  const { source, answer } = await openAndCheck(page, editorPage, SHOWCASE_ID);
  const summary = page.getByTestId('fidelity-summary');
  await expect(summary).not.toContainText('not checked yet');

  // What the engine says about each block of this body, with Confluence's answer.
  const expected = classifyBlocksByOffset(
    parseStorage(source),
    resolutionFromCheck(source, answer),
  ).filter((block) => block.fidelity !== 'exact');
  expect(expected.some((block) => block.fidelity === 'unresolved')).toBe(true);
  await expect
    .poll(async () => (await previewMarks(page)).map((mark) => [mark.offset, mark.fidelity]))
    .toEqual(expected.map((block) => [block.start, block.fidelity]));

  const marks = await previewMarks(page);
  // Keyed by line, every block of this one-line body would carry the worst mark.
  const blockCount = await previewFrame(page).locator('body > *').count();
  expect(marks.length).toBeLessThan(blockCount);
  await expect(previewFrame(page).locator('body > h1')).toHaveText('Macro showcase');
  expect(marks.some((mark) => mark.block?.tag === 'h1' || mark.block?.tag === 'h2')).toBe(false);
  const unknown = marks.find((mark) => mark.fidelity === 'unresolved')!;
  expect(unknown.label).toMatch(/^Unresolved: .*no-such-macro/);

  // Each mark is a thin edge in the margin beside its own block, and no mark covers any text.
  const text = await previewTextBoxes(page);
  for (const mark of marks) {
    expect(mark.block, `a block starts at ${mark.offset}`).not.toBeNull();
    expect(mark.box.right).toBeLessThanOrEqual(mark.block!.box.left);
    expect(mark.box.right - mark.box.left).toBeLessThanOrEqual(10);
    expect(Math.abs(mark.box.top - mark.block!.box.top)).toBeLessThanOrEqual(1);
    expect(text.filter((box) => overlaps(mark.box, box))).toEqual([]);
  }
  // Approximate and unresolved differ in more than colour: the edge is solid or dashed.
  const edgeStyles = await previewFrame(page)
    .locator('pw-mark')
    .evaluateAll((elements) =>
      elements.map((mark) => [
        mark.getAttribute('data-fidelity'),
        getComputedStyle(mark).borderLeftStyle,
      ]),
    );
  expect(new Set(edgeStyles.map((entry) => entry.join(' ')))).toEqual(
    new Set(['approximate solid', 'unresolved dashed']),
  );

  // The reason shows on hover.
  const info = marks.find((mark) => mark.label.includes('info macro'))!;
  await previewFrame(page).locator(`pw-mark[data-source-offset="${info.offset}"]`).hover();
  expect(await markTooltip(page, info.offset)).toBe(`"${info.label}"`);

  // The summary line: counts, then one button per marked block.
  const approximate = expected.filter((block) => block.fidelity === 'approximate').length;
  await expect(summary).toContainText(
    `1 unresolved, ${approximate} approximate blocks — switch to Confluence rendering`,
  );
  const entries = summary.getByRole('list', { name: 'Go to a block that is not exact' });
  const entryButtons = entries.getByRole('button', { name: /^(Approximate|Unresolved): / });
  await expect(entryButtons).toHaveCount(Math.min(expected.length, FIRST_ENTRY_BUTTONS));
  if (expected.length > FIRST_ENTRY_BUTTONS) {
    await entries.getByRole('button', { name: /^Show \d+ more/ }).click();
  }
  await expect(entryButtons).toHaveCount(expected.length);
  expect(consoleErrors).toEqual([]);
});

test('summary entries jump to their blocks, whose marks take keyboard focus and show the reason', async ({
  page,
  editorPage,
}) => {
  await storeShowcaseOnOneLine();
  const { source } = await openAndCheck(page, editorPage, SHOWCASE_ID);
  const summary = page.getByTestId('fidelity-summary');
  await expect(summary).not.toContainText('not checked yet');
  // The blocks holding the unknown macro and the first code macro, as the engine cuts them.
  const blocks = classifyBlocksByOffset(parseStorage(source));
  const blockOf = (markup: string) => blockAtOffset(blocks, source.indexOf(markup))!.start;
  const unknownAt = blockOf('<ac:structured-macro ac:name="no-such-macro"');
  const codeAt = blockOf('<ac:structured-macro ac:name="code"');
  expect(codeAt).toBeLessThan(unknownAt);

  // The unresolved entry comes first; it names its kind to assistive technology.
  const jump = summary.getByRole('button', { name: /^Unresolved: .*no-such-macro/ });
  await jump.click();
  await expect.poll(() => focusedMarkOffset(page)).toBe(unknownAt);
  const [block] = (await previewMarks(page)).filter((mark) => mark.offset === unknownAt);
  expect(block!.block!.box.top).toBeGreaterThanOrEqual(0);
  expect(block!.block!.box.top).toBeLessThan(80);
  expect(await markTooltip(page, unknownAt)).toMatch(/^"Unresolved: .*no-such-macro.*"$/);

  // Another entry (an approximate block further up) jumps back up.
  await summary
    .getByRole('button', { name: /^Approximate: code macro/ })
    .first()
    .click();
  await expect.poll(() => focusedMarkOffset(page)).toBe(codeAt);

  // Tab moves to the next mark; Enter on a mark puts the editor's cursor at its block's source.
  await page.keyboard.press('Tab');
  const next = (await previewMarks(page)).find((mark) => mark.offset > codeAt)!;
  await expect.poll(() => focusedMarkOffset(page)).toBe(next.offset);
  await page.keyboard.press('Enter');
  const at = parseStorage(source).positions.lineColumnAt(next.offset);
  await expect(page.getByText(`Ln ${at.line}, Col ${at.column}`, { exact: true })).toBeVisible();
});

test('a page with many blocks that are not exact lists the first entries, and more on request', async ({
  page,
  appUrl,
  loginPage,
  consoleErrors,
}) => {
  test.slow();
  // The 300 KB one-line page has well over a hundred macro blocks the preview shows approximately.
  await openBigPage(page, loginPage, appUrl, LARGE_ONE_LINE_ID);
  const summary = page.getByTestId('fidelity-summary');
  await expect(summary).not.toContainText('not checked yet', { timeout: 30_000 });
  const list = summary.getByRole('list', { name: 'Go to a block that is not exact' });
  const entries = list.getByRole('button', { name: /^(Approximate|Unresolved): / });
  await expect(entries).toHaveCount(FIRST_ENTRY_BUTTONS);
  // "1 unresolved, 124 approximate blocks — …": every block counted there has its entry.
  const counts = /^(.*?) blocks? —/.exec((await summary.textContent()) ?? '')?.[1] ?? '';
  const total = [...counts.matchAll(/\d+/g)].reduce((sum, [n]) => sum + Number(n), 0);
  expect(total).toBeGreaterThan(FIRST_ENTRY_BUTTONS);
  expect(total).toBeLessThanOrEqual(FIRST_ENTRY_BUTTONS + MORE_ENTRY_BUTTONS);

  // By keyboard: the button after the last entry lists the rest and focuses the first of them.
  const more = list.getByRole('button', { name: `Show ${total - FIRST_ENTRY_BUTTONS} more` });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(total);
  await expect(more).toHaveCount(0);
  await expect(entries.nth(FIRST_ENTRY_BUTTONS)).toBeFocused();

  // It jumps like the others: its block's mark takes focus.
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedMarkOffset(page)).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('scroll sync works both ways on a one-line 300 KB body, which opens laid out', async ({
  page,
  appUrl,
  loginPage,
  editorPage,
  consoleErrors,
}) => {
  test.slow();
  const stored = (await readPage(LARGE_ONE_LINE_ID)).body;
  expect(blocksOnFirstLine(stored)).toBeGreaterThan(5);
  await openBigPage(page, loginPage, appUrl, LARGE_ONE_LINE_ID);
  const frame = previewFrame(page);
  await expect(frame.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  expect(await frameScrollY(page)).toBe(0);

  // Editor → preview: the wrapped line scrolls, and the frame follows to the same section.
  await findInEditor(page, editorPage, '<h2>Section 25<');
  await expect.poll(() => frameScrollY(page)).toBeGreaterThan(300);
  await page.waitForTimeout(400);
  const editorSection = await editorTopSection(editorPage);
  expect(editorSection).toBeGreaterThanOrEqual(20);
  expect(Math.abs((await frameTopSection(page)) - editorSection)).toBeLessThanOrEqual(1);

  // Preview → editor: Section 12 at the frame's top brings its source to the editor's top.
  await scrollFrameTo(page, 'h2', 'Section 12');
  // From Section 24 or so: waits for the editor to come up, then checks it did not overshoot.
  await expect.poll(() => editorTopSection(editorPage)).toBeLessThanOrEqual(12);
  expect(await editorTopSection(editorPage)).toBeGreaterThanOrEqual(11);

  // A click on a block puts the cursor at its start, in the text the editor shows.
  await frame.getByRole('heading', { name: 'Section 13', exact: true }).click();
  const shown = viewOf(stored).text;
  const at = parseStorage(shown).positions.lineColumnAt(shown.indexOf('<h2>Section 13</h2>'));
  await expect(page.getByText(`Ln ${at.line}, Col ${at.column}`, { exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('scroll sync works both ways on a one-line 1 MB body', async ({
  page,
  appUrl,
  loginPage,
  editorPage,
}) => {
  test.slow();
  const big = largeMixedOneLineBody(1_050_000);
  expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
  await updatePage(LARGE_ONE_LINE_ID, 'Large one-line page (1 MB)', big);
  await openBigPage(page, loginPage, appUrl, LARGE_ONE_LINE_ID);
  const frame = previewFrame(page);
  await expect(frame.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible({
    timeout: 60_000,
  });

  await findInEditor(page, editorPage, '<h2>Section 80<');
  await expect.poll(() => frameTopSection(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(78);
  await page.waitForTimeout(400);
  const editorSection = await editorTopSection(editorPage);
  expect(editorSection).toBeGreaterThanOrEqual(78);
  expect(Math.abs((await frameTopSection(page)) - editorSection)).toBeLessThanOrEqual(1);

  await scrollFrameTo(page, 'h2', 'Section 30');
  await expect
    .poll(() => editorTopSection(editorPage), { timeout: 30_000 })
    .toBeLessThanOrEqual(30);
  expect(await editorTopSection(editorPage)).toBeGreaterThanOrEqual(29);
});

test('without word wrap, the column inside the one line decides the block, both ways', async ({
  page,
  editorPage,
}) => {
  // A page opens laid out; a body pasted as Confluence stores it stays on its one line.
  const oneLine = onOneLine((await readPage(SHOWCASE_ID)).body);
  await editorPage.signInAndOpen(SHOWCASE_ID);
  await editorPage.replaceText(oneLine);
  await editorPage.toolbarButton('Word wrap').click();
  await expect(editorPage.toolbarButton('Word wrap')).toHaveAttribute('aria-pressed', 'false');
  // Unwrapped, the one line runs past the editor's right edge.
  await expect
    .poll(async () => (await visibleEditorText(editorPage))[0]!.length)
    .toBeGreaterThan(300);

  // Preview → editor: a block far along the line scrolls the editor sideways to its source.
  const summary = page.getByTestId('fidelity-summary');
  await summary.getByRole('button', { name: /^Unresolved: .*no-such-macro/ }).click();
  await expect
    .poll(async () => (await visibleEditorText(editorPage)).join(''))
    .toContain('ac:name="no-such-macro"');
  const revealed = await frameScrollY(page);
  expect(revealed).toBeGreaterThan(200);

  // Editor → preview: back to the line's start, the frame goes back to the top block.
  await editorPage.focusEditor();
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+Home');
  await expect.poll(() => frameScrollY(page)).toBeLessThan(revealed / 2);
  expect(await frameTopBlockOffset(page)).toBeLessThan(oneLine.indexOf('<h2>'));
});
