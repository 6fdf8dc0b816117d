import { describe, expect, it } from 'vitest';

import { foldingRanges } from '@/lib/editor/folding';
import { openElementsAt } from '@/lib/editor/tag-scanner';

import { canonicalizeStorage } from './canonical';
import { tryFormatStorage } from './format';
import { htmlToStorage } from './html-to-storage';
import { collectKeepsakes, findRemovals } from './integrity';
import { parseStorage } from './parse';
import { MAX_ELEMENT_DEPTH } from './parser/storage-parser';
import { renderStorage } from './render/render';
import { testSanitizer } from './render/render-test-support';
import type { StorageNode } from './types';
import { validateStorage } from './validate';

/**
 * Hostile depth: every stage of the engine takes a body nested 100,000 levels deep without
 * throwing, and says clearly why Confluence would refuse it. Confluence's parser (Woodstox)
 * refuses a 1,000th level (its own `<xml>` wrapper is the first), so 999 is the deepest body
 * that must still work in every stage.
 */

interface Shape {
  name: string;
  open: string;
  close: string;
  /** Elements per repetition of `open`. */
  levels: number;
  inner: string;
}

const SHAPES: Shape[] = [
  { name: 'divs', open: '<div>', close: '</div>', levels: 1, inner: 'x' },
  { name: 'spans in a paragraph', open: '<span>', close: '</span>', levels: 1, inner: 'x' },
  {
    name: 'macros with rich-text bodies',
    open: '<ac:structured-macro ac:name="info"><ac:rich-text-body>',
    close: '</ac:rich-text-body></ac:structured-macro>',
    levels: 2,
    inner: '<p>x</p>',
  },
  {
    name: 'tables',
    open: '<table><tbody><tr><td>',
    close: '</td></tr></tbody></table>',
    levels: 4,
    inner: 'x',
  },
  { name: 'lists', open: '<ul><li>', close: '</li></ul>', levels: 2, inner: 'x' },
];

/** `shape` repeated to (at least) `depth` nested elements. */
function nestedBody(shape: Shape, depth: number): string {
  const times = Math.ceil(depth / shape.levels);
  return shape.open.repeat(times) + shape.inner + shape.close.repeat(times);
}

function treeDepth(nodes: readonly StorageNode[]): number {
  let deepest = 0;
  const pending: Array<[readonly StorageNode[], number]> = [[nodes, 1]];
  while (pending.length > 0) {
    const [list, depth] = pending.pop()!;
    for (const node of list) {
      if (node.type !== 'element') continue;
      deepest = Math.max(deepest, depth);
      pending.push([node.children, depth + 1]);
    }
  }
  return deepest;
}

const WOODSTOX = 'Maximum Element Depth limit (1000) Exceeded';

describe('the nesting limit', () => {
  it('is Confluence’s: 999 levels parse cleanly, a 1,000th is an error in its words', () => {
    expect(MAX_ELEMENT_DEPTH).toBe(999);
    expect(parseStorage(nestedBody(SHAPES[0]!, 999)).diagnostics).toEqual([]);
    const body = nestedBody(SHAPES[0]!, 1000);
    const parsed = parseStorage(body);
    expect(parsed.diagnostics).toHaveLength(1);
    const [error] = parsed.diagnostics;
    expect(error).toMatchObject({ severity: 'error', code: 'nesting_too_deep', line: 1 });
    expect(error!.message).toContain('nested deeper than 999 levels');
    expect(body.slice(error!.column - 1, error!.endColumn - 1)).toBe('<div>');
    expect(error!.column - 1).toBe(999 * '<div>'.length);
    expect(parsed.confluenceError).toMatchObject({ message: WOODSTOX });
  });

  it('counts a self-closed element, and comes before an error inside the tag', () => {
    const self = parseStorage(`${'<div>'.repeat(999)}<br/>${'</div>'.repeat(999)}`);
    expect(self.diagnostics.map((d) => d.code)).toEqual(['nesting_too_deep']);
    const broken = parseStorage(
      `${'<div>'.repeat(999)}<p a="&bogus;">x</p>${'</div>'.repeat(999)}`,
    );
    expect(broken.confluenceError?.message).toBe(WOODSTOX);
  });

  it('keeps the tree at most one level past the limit, with every character of text', () => {
    const body = '<div>'.repeat(100_000) + 'deepest' + '</div>'.repeat(100_000) + '<p>after</p>';
    const parsed = parseStorage(body);
    expect(treeDepth(parsed.document.children)).toBe(MAX_ELEMENT_DEPTH + 1);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['nesting_too_deep']);
    expect(parsed.document.children.at(-1)).toMatchObject({ type: 'element', name: 'p' });
    expect(renderStorage(body, { sanitizer: 'none' })).toMatch(/deepest[^]*after/);
  });
});

describe.each(SHAPES)('100,000 nested $name', (shape) => {
  const body =
    shape.name === 'spans in a paragraph'
      ? `<p>${nestedBody(shape, 100_000)}</p>`
      : nestedBody(shape, 100_000);

  it('every engine stage finishes and refuses or reports it clearly', () => {
    const parsed = parseStorage(body);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['nesting_too_deep']);
    expect(validateStorage(body).filter((d) => d.severity === 'error')).toEqual(parsed.diagnostics);
    const formatted = tryFormatStorage(body);
    expect(formatted).toMatchObject({ ok: false, formatted: body });
    expect(formatted.reason).toMatch(/1 error Confluence would reject/);
    expect(canonicalizeStorage(body)).toBeNull();
    expect(renderStorage(body, { sanitizer: 'none' })).toContain('x');
    expect(renderStorage(body, { sanitizer: testSanitizer() })).toContain('x');
    expect(Array.isArray(collectKeepsakes(body))).toBe(true);
    expect(findRemovals(body, '<p>y</p>')).toBeDefined();
    expect(findRemovals('<p>y</p>', body)).toBeDefined();
    expect(openElementsAt(body, body.length >> 1).length).toBeGreaterThan(1000);
    expect(Array.isArray(foldingRanges(body))).toBe(true);
  }, 60_000);

  it('pasted as HTML, converts in bounded time and keeps its text', () => {
    const started = performance.now();
    const storage = htmlToStorage(body);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(storage).toContain('x');
    expect(parseStorage(storage).diagnostics).toEqual([]);
  }, 60_000);
});

describe.each(SHAPES)('$name at the deepest level Confluence accepts', (shape) => {
  const body =
    shape.name === 'spans in a paragraph'
      ? `<p>${nestedBody(shape, MAX_ELEMENT_DEPTH - 1)}</p>`
      : nestedBody(shape, MAX_ELEMENT_DEPTH - (shape.levels - 1));

  it('goes through every stage as any valid body does', () => {
    const parsed = parseStorage(body);
    expect(parsed.diagnostics).toEqual([]);
    expect(treeDepth(parsed.document.children)).toBeLessThanOrEqual(MAX_ELEMENT_DEPTH);
    expect(validateStorage(body).filter((d) => d.severity === 'error')).toEqual([]);
    const formatted = tryFormatStorage(body);
    expect(formatted.ok).toBe(true);
    const canonical = canonicalizeStorage(body);
    expect(canonical).not.toBeNull();
    expect(canonicalizeStorage(formatted.formatted)).toBe(canonical);
    expect(renderStorage(body, { sanitizer: testSanitizer() })).toContain('x');
    expect(findRemovals(body, body).groups).toEqual([]);
  });
});
