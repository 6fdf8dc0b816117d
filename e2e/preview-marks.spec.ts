import type { Page } from '@playwright/test';

import { toConfluenceLayout } from '../lib/emulator/seed/confluence-layout';
import {
  type CheckAnswer,
  classifyBlocksByOffset,
  resolutionFromCheck,
} from '../lib/preview/preview-fidelity';
import { parseStorage } from '../lib/storage-format/parse';
import { readPage, resetEmulator, updatePage } from './emulator-admin';
import { expect, test } from './fixtures';
import type { EditorPage } from './pages/editor-page';
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

/** Stores the Macro showcase on one line, as Confluence's editor would; returns that body. */
async function storeShowcaseOnOneLine(): Promise<string> {
  const oneLine = toConfluenceLayout((await readPage(SHOWCASE_ID)).body);
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

/** The section the editor's top lines are in: from `Section N` or a row number (N·1000 + row). */
async function editorTopSection(editorPage: EditorPage): Promise<number> {
  const top = (await visibleEditorText(editorPage)).slice(0, 3).join('');
  const heading = /Section (\d+)</.exec(top);
  if (heading) return Number(heading[1]);
  const row = /DEMO-(\d+)/.exec(top);
  return row ? Math.floor(Number(row[1]) / 1000) : 0;
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

/** Scrolls the editor down by pages, from the keyboard. */
async function pageDownEditor(page: Page, editorPage: EditorPage, pages: number): Promise<void> {
  await editorPage.focusEditor();
  for (let i = 0; i < pages; i++) await page.keyboard.press('PageDown');
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
  expect(oneLine).not.toMatch(/>\s*\n\s*</);
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
  await expect(entries.getByRole('button')).toHaveCount(expected.length);
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
  const unknownAt = source.indexOf('<ac:structured-macro ac:name="no-such-macro"');
  expect(unknownAt).toBeGreaterThan(0);

  // The unresolved entry comes first; it names its kind to assistive technology.
  const jump = summary.getByRole('button', { name: /^Unresolved: .*no-such-macro/ });
  await jump.click();
  await expect.poll(() => focusedMarkOffset(page)).toBe(unknownAt);
  const [block] = (await previewMarks(page)).filter((mark) => mark.offset === unknownAt);
  expect(block!.block!.box.top).toBeGreaterThanOrEqual(0);
  expect(block!.block!.box.top).toBeLessThan(80);
  expect(await markTooltip(page, unknownAt)).toMatch(/^"Unresolved: .*no-such-macro.*"$/);

  // Another entry (an approximate block further up) jumps back up.
  const codeAt = source.indexOf('<ac:structured-macro ac:name="code"');
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
  await expect(page.getByText(`Ln 1, Col ${next.offset + 1}`, { exact: true })).toBeVisible();
});

test('scroll sync works both ways on a one-line 300 KB body', async ({
  page,
  editorPage,
  consoleErrors,
}) => {
  const stored = (await readPage(LARGE_ONE_LINE_ID)).body;
  expect(stored.split('\n').length).toBeLessThan(5);
  await editorPage.signInAndOpen(LARGE_ONE_LINE_ID);
  const frame = previewFrame(page);
  await expect(frame.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  expect(await frameScrollY(page)).toBe(0);

  // Editor → preview: the wrapped line scrolls, and the frame follows to the same section.
  await pageDownEditor(page, editorPage, 30);
  await expect.poll(() => frameScrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(400);
  const editorSection = await editorTopSection(editorPage);
  expect(editorSection).toBeGreaterThan(1);
  expect(Math.abs((await frameTopSection(page)) - editorSection)).toBeLessThanOrEqual(1);

  // Preview → editor: Section 40 at the frame's top brings its source to the editor's top.
  await scrollFrameTo(page, 'h2', 'Section 40');
  await expect.poll(() => editorTopSection(editorPage)).toBeGreaterThanOrEqual(39);
  expect(await editorTopSection(editorPage)).toBeLessThanOrEqual(40);

  // A click on a block puts the cursor at its start: the column is the block's offset.
  await frame.getByRole('heading', { name: 'Section 41', exact: true }).click();
  const at = stored.indexOf('<h2>Section 41</h2>');
  await expect(page.getByText(`Ln 1, Col ${at + 1}`, { exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('scroll sync works both ways on the laid-out view of that body', async ({
  page,
  editorPage,
}) => {
  await editorPage.signInAndOpen(LARGE_ONE_LINE_ID);
  await page.getByLabel('Open pages formatted').check();
  await editorPage.open(LARGE_ONE_LINE_ID);
  const frame = previewFrame(page);
  await expect(frame.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  // Laid out: one block per line, so the editor shows many short lines.
  await expect.poll(async () => (await visibleEditorText(editorPage)).length).toBeGreaterThan(10);

  await pageDownEditor(page, editorPage, 60);
  await expect.poll(() => frameScrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(400);
  const editorSection = await editorTopSection(editorPage);
  expect(editorSection).toBeGreaterThan(1);
  expect(Math.abs((await frameTopSection(page)) - editorSection)).toBeLessThanOrEqual(1);

  await scrollFrameTo(page, 'h2', 'Section 40');
  await expect.poll(() => editorTopSection(editorPage)).toBeGreaterThanOrEqual(39);
  expect(await editorTopSection(editorPage)).toBeLessThanOrEqual(40);
});

test('without word wrap, the column inside the one line decides the block, both ways', async ({
  page,
  editorPage,
}) => {
  const oneLine = await storeShowcaseOnOneLine();
  await editorPage.signInAndOpen(SHOWCASE_ID);
  await editorPage.toolbarButton('Word wrap').click();
  await expect(editorPage.toolbarButton('Word wrap')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await visibleEditorText(editorPage)).length).toBe(1);

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
