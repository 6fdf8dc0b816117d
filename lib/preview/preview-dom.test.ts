// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { createBlockPatcher, imageVerdict, unplacedBlocks } from './preview-dom';

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
    const patcher = createBlockPatcher(doc, policy);
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
    expect(moved.getAttribute('data-source-offset')).toBe('16');
    expect(moved.getAttribute('data-source-line')).toBe('3');
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
