// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { FidelityBadge } from './preview-fidelity-badges';
import { createMarkLayer, MARK_GAP_PX, MARKS_QUIET_MS } from './preview-marks';

function frame(bodyHtml: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${bodyHtml}</body>`, 'text/html');
}

/** A frame document with a view (a window: 768px high in jsdom, scrolled to the top). */
function framed(bodyHtml: string): Document {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const doc = iframe.contentDocument!;
  doc.body.append(...Array.from(frame(bodyHtml).body.childNodes).map((n) => doc.adoptNode(n)));
  return doc;
}

const approximate = (reason: string): FidelityBadge => ({
  fidelity: 'approximate',
  label: `Approximate: ${reason}`,
});
const unresolved = (reason: string): FidelityBadge => ({
  fidelity: 'unresolved',
  label: `Unresolved: ${reason}`,
});

function marksOf(doc: Document): string[][] {
  return Array.from(doc.querySelectorAll('pw-mark')).map((mark) => [
    mark.getAttribute('data-source-offset')!,
    mark.getAttribute('data-fidelity')!,
    mark.getAttribute('aria-label')!,
  ]);
}

/** jsdom does no layout: each block reports the box a browser would give it. */
function place(element: Element, box: { left: number; top: number; height: number }): void {
  element.getBoundingClientRect = () =>
    ({ ...box, width: 100, right: box.left + 100, bottom: box.top + box.height }) as DOMRect;
}

const BODY =
  '<h1 data-source-offset="0">T</h1><div data-source-offset="10">info</div>' +
  '<p data-source-offset="40">plain</p><div data-source-offset="60">unknown</div>';

describe('the fidelity mark layer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('marks exactly the blocks with a badge, in a layer outside the body', () => {
    const doc = frame(BODY);
    const layer = createMarkLayer(doc);
    layer.update(
      new Map([
        [10, approximate('info macro rendered by Pagewright')],
        [60, unresolved('unknown macro x')],
        // No block starts here: nothing is marked for it.
        [41, unresolved('nowhere')],
      ]),
    );
    expect(marksOf(doc)).toEqual([
      ['10', 'approximate', 'Approximate: info macro rendered by Pagewright'],
      ['60', 'unresolved', 'Unresolved: unknown macro x'],
    ]);
    // The layer sits before the body: the block patcher's children stay the page's blocks only.
    const markLayer = doc.querySelector('pw-marks')!;
    expect(markLayer.parentElement).toBe(doc.documentElement);
    expect(markLayer.nextElementSibling).toBe(doc.body);
    expect(doc.body.querySelector('pw-mark')).toBeNull();
    // Focusable buttons, named by their reason; no text drawn over the page.
    for (const mark of Array.from(doc.querySelectorAll('pw-mark'))) {
      expect(mark.getAttribute('role')).toBe('button');
      expect(mark.getAttribute('tabindex')).toBe('0');
      expect(mark.textContent).toBe('');
    }
  });

  it('follows the blocks: edits shift offsets, exact blocks lose their mark', () => {
    const doc = frame(BODY);
    const layer = createMarkLayer(doc);
    layer.update(new Map([[10, approximate('a')]]));
    const first = doc.querySelector('pw-mark');
    // Text typed above moves every block; the mark moves with its block and stays the same node.
    for (const block of Array.from(doc.body.children)) {
      const offset = Number(block.getAttribute('data-source-offset'));
      if (offset > 0) block.setAttribute('data-source-offset', String(offset + 5));
    }
    layer.update(new Map([[15, approximate('a')]]));
    expect(marksOf(doc)).toEqual([['15', 'approximate', 'Approximate: a']]);
    expect(doc.querySelector('pw-mark')).toBe(first);
    layer.update(new Map());
    expect(marksOf(doc)).toEqual([]);
  });

  it('places each mark in the margin beside its block, and again after a relayout', () => {
    const doc = frame(BODY);
    const blocks = Array.from(doc.body.children);
    place(blocks[1]!, { left: 24, top: 50, height: 80 });
    place(blocks[3]!, { left: 24, top: 200, height: 2 });
    const layer = createMarkLayer(doc);
    layer.update(
      new Map([
        [10, approximate('a')],
        [60, unresolved('b')],
      ]),
    );
    const style = (offset: number) => {
      const mark = layer.markAt(offset)!;
      return [mark.style.left, mark.style.top, mark.style.height];
    };
    expect(style(10)).toEqual([`${24 - MARK_GAP_PX}px`, '50px', '80px']);
    // A flat block still gets a mark one can see and point at.
    expect(style(60)).toEqual([`${24 - MARK_GAP_PX}px`, '200px', '8px']);
    place(blocks[1]!, { left: 24, top: 90, height: 120 });
    layer.relayout();
    expect(style(10)).toEqual([`${24 - MARK_GAP_PX}px`, '90px', '120px']);
  });

  /** A framed body whose block at 10 is in view and whose block at 60 is five screens down. */
  function nearAndFar(): { blocks: Element[]; layer: ReturnType<typeof createMarkLayer> } {
    vi.useFakeTimers();
    const doc = framed(BODY);
    const blocks = Array.from(doc.body.children);
    place(blocks[1]!, { left: 24, top: 50, height: 80 });
    place(blocks[3]!, { left: 24, top: 4_000, height: 20 });
    return { blocks, layer: createMarkLayer(doc) };
  }

  it('places marks near the view at once and the others when the updates pause', () => {
    const { blocks, layer } = nearAndFar();
    const badges = new Map([
      [10, approximate('a')],
      [60, unresolved('b')],
    ]);
    // Never measured before: both are placed at once.
    layer.update(badges);
    const top = (offset: number) => layer.markAt(offset)!.style.top;
    expect([top(10), top(60)]).toEqual(['50px', '4000px']);
    // A keystroke in the first block makes it taller and moves the far block down.
    place(blocks[1]!, { left: 24, top: 50, height: 100 });
    place(blocks[3]!, { left: 24, top: 4_020, height: 20 });
    layer.update(badges);
    expect(layer.markAt(10)!.style.height).toBe('100px');
    expect(top(60)).toBe('4000px');
    vi.advanceTimersByTime(MARKS_QUIET_MS - 1);
    layer.update(badges);
    vi.advanceTimersByTime(MARKS_QUIET_MS - 1);
    expect(top(60)).toBe('4000px');
    vi.advanceTimersByTime(1);
    expect(top(60)).toBe('4020px');
  });

  it('re-places a mark drawn near the view even when its new block is far away', () => {
    const { layer } = nearAndFar();
    layer.update(new Map([[10, approximate('a')]]));
    const mark = layer.markAt(10)!;
    expect(mark.style.top).toBe('50px');
    // The near block is exact now: the same mark element goes to the far block at once, or it
    // would stay drawn beside a block that has no mark any more.
    layer.update(new Map([[60, unresolved('b')]]));
    expect(layer.markAt(60)).toBe(mark);
    expect(mark.style.top).toBe('4000px');
  });

  it('knows which block a mark belongs to, and ignores look-alikes a page could write', () => {
    const doc = frame(
      `${BODY}<pw-mark data-source-offset="40" data-fidelity="unresolved"></pw-mark>`,
    );
    const layer = createMarkLayer(doc);
    layer.update(new Map([[60, unresolved('b')]]));
    expect(layer.offsetOfMark(layer.markAt(60))).toBe(60);
    expect(layer.offsetOfMark(doc.body.querySelector('pw-mark'))).toBeNull();
    expect(layer.offsetOfMark(doc.body.firstElementChild)).toBeNull();
    expect(layer.markAt(40)).toBeNull();
  });
});
