// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installPreviewSanitizer } from '@/lib/security/trusted-types-test-support';
import { defaultSanitizer } from '@/lib/storage-format/render/sanitizer';

import { fillBatchEnd, FIRST_FILL_CHARS, PROGRESSIVE_FILL_CHARS } from './patch-scheduling';
import { createBlockPatcher, unplacedBlocks } from './preview-dom';
import { imageVerdict } from './preview-images';

const policy = { appOrigin: 'http://app.test', allowExternalImages: false };

/** The body as `tag:text` per child (the lint rule keeps innerHTML out of tests too). */
function shape(doc: Document): string[] {
  return Array.from(doc.body.childNodes).map((node) =>
    node.nodeType === 1
      ? `${(node as Element).tagName.toLowerCase()}:${node.textContent}`
      : '#text',
  );
}

function frameDocument(): Document {
  return document.implementation.createHTMLDocument('frame');
}

// The app's Trusted Types module sanitizes every block the patcher creates. DOMPurify over jsdom
// costs a few ms a call and the random-edit test below creates tens of thousands of blocks from
// a handful of strings, so here DOMPurify's answers are remembered per input (it is a pure
// function of its input for one config, so this changes no result).
let undoSanitizer: () => void;
beforeAll(() => {
  const purify = defaultSanitizer();
  const answers = new Map<string, string>();
  undoSanitizer = installPreviewSanitizer((html) => {
    let clean = answers.get(html);
    if (clean === undefined) answers.set(html, (clean = purify(html)));
    return clean;
  });
});
afterAll(() => undoSanitizer());

describe('createBlockPatcher', () => {
  it('renders the blocks, then replaces only the changed one and keeps the others', () => {
    const doc = frameDocument();
    const patcher = createBlockPatcher(doc, policy);
    expect(patcher.update(unplacedBlocks('<h1>T</h1><p>one</p><p>two</p>'))).toBe(3);
    const [heading, , two] = Array.from(doc.body.children);
    expect(patcher.update(unplacedBlocks('<h1>T</h1><p>one, edited</p><p>two</p>'))).toBe(1);
    expect(shape(doc)).toEqual(['h1:T', 'p:one, edited', 'p:two']);
    expect(doc.body.children[0]).toBe(heading);
    expect(doc.body.children[2]).toBe(two);
  });

  it('keeps a block an edit only moved, and sets its marks to its new place', () => {
    const doc = frameDocument();
    const idle: ((deadline: { timeRemaining(): number }) => void)[] = [];
    const patcher = createBlockPatcher(doc, policy, { whenSettling: (task) => idle.push(task) });
    // Marks relative to each block's start (incremental-blocks.ts): offset 0, line 1.
    const a = '<p data-source-line="1" data-source-offset="0">a</p>';
    const b = '<div data-source-line="1" data-source-offset="0"><p>b</p></div>';
    expect(
      patcher.update([
        { html: a, start: 0, line: 1 },
        { html: b, start: 8, line: 2 },
      ]),
    ).toBe(2);
    const moved = doc.body.children[1]!;
    expect(moved.getAttribute('data-source-offset')).toBe('8');
    expect(moved.getAttribute('data-source-line')).toBe('2');
    // Text typed into the first block (a new line too) moves every block after it.
    const typed = '<p data-source-line="1" data-source-offset="0">a, typed</p>';
    expect(
      patcher.update([
        { html: typed, start: 0, line: 1 },
        { html: b, start: 16, line: 3 },
      ]),
    ).toBe(1);
    expect(doc.body.children[1]).toBe(moved);
    // The patcher knows the new place at once (clicks, scroll sync and fidelity marks ask it) ...
    expect(patcher.offsetBlocks().map(({ element, offset }) => [element, offset])).toEqual([
      [doc.body.children[0], 0],
      [moved, 16],
    ]);
    expect(patcher.offsetOf(moved)).toBe(16);
    expect(patcher.offsetOf(moved.firstChild!)).toBeNull();
    // ... the attributes follow once typing pauses, when the browser is idle, in slices it
    // grants. More typing before that pause pushes the work back.
    expect(moved.getAttribute('data-source-offset')).toBe('8');
    expect(moved.getAttribute('data-source-line')).toBe('2');
    expect(idle).toHaveLength(1);
    patcher.update([
      { html: typed, start: 0, line: 1 },
      { html: b, start: 17, line: 3 },
    ]);
    expect(idle).toHaveLength(1);
    idle.shift()!({ timeRemaining: () => 10 });
    expect(moved.getAttribute('data-source-line')).toBe('2');
    patcher.update([
      { html: typed, start: 0, line: 1 },
      { html: b, start: 16, line: 3 },
    ]);
    idle.shift()!({ timeRemaining: () => 10 });
    expect(idle).toHaveLength(1);
    idle.shift()!({ timeRemaining: () => 0 });
    expect(moved.getAttribute('data-source-line')).toBe('2');
    expect(idle).toHaveLength(1);
    idle.shift()!({ timeRemaining: () => 10 });
    expect(moved.getAttribute('data-source-line')).toBe('3');
    expect(moved.getAttribute('data-source-offset')).toBe('16');
    expect(idle).toHaveLength(0);
  });

  it('sets the marks still waiting for idle time on demand, and forgets removed blocks', () => {
    const doc = frameDocument();
    const idle: (() => void)[] = [];
    const patcher = createBlockPatcher(doc, policy, {
      whenSettling: (task) => idle.push(() => task({ timeRemaining: () => 10 })),
    });
    const inner =
      '<div data-source-line="1" data-source-offset="0"><p data-source-line="2" data-source-offset="5">x</p></div>';
    const a = '<p data-source-line="1" data-source-offset="0">a</p>';
    patcher.update([
      { html: a, start: 0, line: 1 },
      { html: inner, start: 8, line: 2 },
    ]);
    const nested = doc.body.querySelector('div > p')!;
    expect(nested.getAttribute('data-source-offset')).toBe('13');
    patcher.update([
      { html: 'x' + a, start: 0, line: 1 },
      { html: inner, start: 9, line: 2 },
    ]);
    expect(doc.body.querySelector('div')!.getAttribute('data-source-offset')).toBe('8');
    expect(nested.getAttribute('data-source-offset')).toBe('13');
    patcher.settleMarks();
    expect(doc.body.querySelector('div')!.getAttribute('data-source-offset')).toBe('9');
    expect(nested.getAttribute('data-source-offset')).toBe('14');
    // A block removed before the idle time comes is not touched by it.
    patcher.update([
      { html: a, start: 0, line: 1 },
      { html: inner, start: 8, line: 2 },
    ]);
    patcher.update([{ html: a, start: 0, line: 1 }]);
    for (const task of idle.splice(0)) task();
    expect(nested.getAttribute('data-source-offset')).toBe('14');
  });

  it('places every marked element of a new block, nested ones too, and leaves unplaced HTML be', () => {
    const doc = frameDocument();
    const patcher = createBlockPatcher(doc, policy);
    patcher.update([
      {
        html:
          '<p data-source-line="1" data-source-offset="0">x</p>' +
          '<div><nav data-source-line="3" data-source-offset="12">toc</nav></div>',
        start: 100,
        line: 7,
      },
    ]);
    expect(doc.body.children[0]!.getAttribute('data-source-offset')).toBe('100');
    const nav = doc.body.querySelector('nav')!;
    expect(nav.getAttribute('data-source-offset')).toBe('112');
    expect(nav.getAttribute('data-source-line')).toBe('9');
    patcher.update(unplacedBlocks('<p data-source-line="4" data-source-offset="5">c</p>'));
    expect(doc.body.children[0]!.getAttribute('data-source-offset')).toBe('5');
  });

  it('handles insertions, deletions and moves', () => {
    const doc = frameDocument();
    const patcher = createBlockPatcher(doc, policy);
    patcher.update(unplacedBlocks('<p>a</p><p>b</p><p>c</p>'));
    const c = doc.body.children[2];
    expect(patcher.update(unplacedBlocks('<p>c</p><p>new</p><p>a</p>'))).toBe(1);
    expect(shape(doc)).toEqual(['p:c', 'p:new', 'p:a']);
    expect(doc.body.children[0]).toBe(c);
    expect(patcher.update(unplacedBlocks(''))).toBe(0);
    expect(shape(doc)).toEqual([]);
  });

  it('shows exactly the blocks given after any sequence of edits, however blocks repeat', () => {
    // A small seeded generator: the same sequence on every run.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pieces = ['<p>a</p>', '<p>b</p>', '<br>', 'text', '<p>c</p><p>d</p>', '', '<hr>'];
    const doc = frameDocument();
    const patcher = createBlockPatcher(doc, policy, { whenSettling: () => undefined });
    let blocks: string[] = [];
    for (let step = 0; step < 400; step++) {
      const next = [...blocks];
      const at = random(next.length + 1);
      const edit = random(4);
      if (edit === 0 || next.length === 0) next.splice(at, 0, pieces[random(pieces.length)]!);
      else if (edit === 1) next.splice(Math.min(at, next.length - 1), 1);
      else if (edit === 2) next[Math.min(at, next.length - 1)] = pieces[random(pieces.length)]!;
      else next.splice(at, 0, ...next.splice(0, random(3)));
      blocks = next;
      patcher.update(blocks.map((html, i) => ({ html, start: i, line: 1 })));
      const expected = frameDocument();
      createBlockPatcher(expected, policy).update(unplacedBlocks(blocks.join('')));
      expected.body.normalize();
      const shown = doc.body.cloneNode(true);
      shown.normalize();
      expect(shown.isEqualNode(expected.body), `step ${step}: ${blocks.join('|')}`).toBe(true);
    }
  });

  it('fills a big page progressively: the first screens at once, the rest in idle slices', () => {
    const doc = frameDocument();
    const slices: (() => void)[] = [];
    let filled = 0;
    const patcher = createBlockPatcher(doc, policy, {
      whenSettling: () => undefined,
      whenFilling: (task) => slices.push(() => task({ timeRemaining: () => 0 })),
      onFilled: () => filled++,
    });
    const text = 'x'.repeat(990);
    const page = (n: number, edited = -1) =>
      Array.from({ length: n }, (_, i) => ({
        html: `<p data-source-line="1" data-source-offset="0">${i === edited ? 'edited' : i} ${text}</p>`,
        start: i * 1_000,
        line: i + 1,
      }));
    const blocks = page(Math.ceil(PROGRESSIVE_FILL_CHARS / 1_000) + 100);
    // The blocks whose HTML first reaches FIRST_FILL_CHARS.
    let first = 0;
    for (let chars = 0; chars < FIRST_FILL_CHARS; first++) chars += blocks[first]!.html.length;
    expect(first).toBeGreaterThan(1);
    expect(patcher.update(blocks, { progressive: true })).toBe(first);
    expect(doc.body.children).toHaveLength(first);
    expect(patcher.offsetBlocks()).toHaveLength(first);
    // A slice with no idle time left still adds a batch (sanitized and parsed at once).
    const batch = fillBatchEnd(blocks, first);
    expect(batch - first).toBeGreaterThan(1);
    expect(batch - first).toBeLessThan(blocks.length - first);
    slices.shift()!();
    expect(doc.body.children).toHaveLength(batch);
    expect(filled).toBe(1);
    // An edit while filling: what is shown is patched (one block re-created), the rest follows
    // from the edited blocks.
    const edited = page(blocks.length - 10, 3);
    expect(patcher.update(edited, { progressive: true })).toBe(1);
    expect(doc.body.children).toHaveLength(batch);
    expect(doc.body.children[3]!.textContent).toMatch(/^edited/);
    slices.shift()!();
    expect(doc.body.children).toHaveLength(fillBatchEnd(edited, batch));
    // Scroll sync needs the whole page: the rest comes at once.
    patcher.finishFill();
    expect(doc.body.children).toHaveLength(edited.length);
    expect(filled).toBe(3);
    while (slices.length > 0) slices.shift()!();
    expect(patcher.offsetBlocks().map(({ offset }) => offset)).toEqual(
      edited.map(({ start }) => start),
    );
    expect(Array.from(doc.body.children, (p) => p.textContent!.split(' ')[0])).toEqual(
      edited.map((_, i) => (i === 3 ? 'edited' : String(i))),
    );
    // Filled, a later update is a plain patch, and a small page is never progressive.
    expect(patcher.update(edited, { progressive: true })).toBe(0);
    expect(slices).toHaveLength(0);
    const small = frameDocument();
    createBlockPatcher(small, policy, { whenFilling: () => undefined }).update(page(5), {
      progressive: true,
    });
    expect(small.body.children).toHaveLength(5);
  });

  it('keeps same-origin and data: images, and turns others into a labelled box', () => {
    const doc = frameDocument();
    createBlockPatcher(doc, policy).update(
      unplacedBlocks(
        '<p><img src="/api/pages/1/attachments/a.png"><img src="data:image/png;base64,AA=="></p>' +
          '<p><img src="https://elsewhere.test/x.png" alt=""></p>',
      ),
    );
    expect(doc.querySelectorAll('img')).toHaveLength(2);
    const box = doc.querySelector('.pw-blocked');
    expect(box?.getAttribute('role')).toBe('img');
    expect(box?.getAttribute('aria-label')).toBe('External image: https://elsewhere.test/x.png');
    expect(box?.textContent).toContain('allow external images');
  });

  it('lets https images through once allowed, never plain http ones', () => {
    const doc = frameDocument();
    createBlockPatcher(doc, { ...policy, allowExternalImages: true }).update(
      unplacedBlocks(
        '<p><img src="https://elsewhere.test/x.png"><img src="http://elsewhere.test/y.png"></p>',
      ),
    );
    expect(Array.from(doc.querySelectorAll('img')).map((img) => img.getAttribute('src'))).toEqual([
      'https://elsewhere.test/x.png',
    ]);
    expect(doc.querySelector('.pw-blocked')?.textContent).toContain('Insecure (http) image');
  });
});

describe('imageVerdict', () => {
  it('classifies by origin', () => {
    expect(imageVerdict('/x.png', policy)).toBe('load');
    expect(imageVerdict('http://app.test/x.png', policy)).toBe('load');
    expect(imageVerdict('//evil.test/x.png', policy)).toBe('insecure-blocked');
    expect(imageVerdict('https://evil.test/x.png', policy)).toBe('external-blocked');
    expect(imageVerdict('http://[bad', policy)).toBe('external-blocked');
  });
});

describe('createBlockPatcher and Trusted Types (XSS-9)', () => {
  it('parses every block through the app-preview policy, which sanitizes it again', () => {
    // jsdom has no Trusted Types: the policy module falls back to the sanitized string, so what
    // the patcher inserts is still DOMPurify's output even for a block that was not.
    const doc = frameDocument();
    createBlockPatcher(doc, policy).update(
      unplacedBlocks(
        '<p id="a" onmouseover="alert(1)">t</p><script>alert(2)</script><a href="javascript:x()">l</a>',
      ),
    );
    expect(shape(doc)).toEqual(['p:t', 'a:l']);
    expect(doc.body.querySelector('p')!.getAttributeNames()).toEqual(['id']);
    expect(doc.body.querySelector('p')!.id).toBe('user-content-a');
    expect(doc.body.querySelector('a')!.hasAttribute('href')).toBe(false);
  });
});
