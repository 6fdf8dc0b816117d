import { describe, expect, it } from 'vitest';

import { bodyContextParsing } from './body-context-test-support';
import { markerNonce, parseTogether } from './parse-together';

// No sanitizer here: the split is under test.
const { parse, serialize } = bodyContextParsing();

/** What each block gives parsed alone, serialized node by node. */
function alone(htmls: readonly string[]): string[][] {
  return htmls.map((html) => Array.from(parse(html).childNodes, serialize));
}

function together(htmls: readonly string[], nonce = markerNonce()): string[][] | null {
  return parseTogether(htmls, parse, nonce)?.map((nodes) => nodes.map(serialize)) ?? null;
}

describe('parseTogether', () => {
  it('gives each block the nodes it gives parsed alone, markers removed', () => {
    const blocks = [
      '<h1 id="a">Title</h1>',
      '\n',
      '<p>one <b>bold</b> &amp; <a href="#a">link</a></p>',
      '',
      'plain text &lt;b&gt;',
      '<table><tbody><tr><td>cell</td></tr></tbody></table>',
      '<ul><li>item<li>next</ul>',
      '<p><div>a div closes the paragraph</div></p>',
      '<br>',
    ];
    const parts = parseTogether(blocks, parse, markerNonce());
    expect(parts).not.toBeNull();
    expect(parts!.map((nodes) => nodes.map(serialize))).toEqual(alone(blocks));
    // The markers are gone from the nodes' parent.
    const parent = parts![0]![0]!.parentNode!;
    expect((parent as Element | DocumentFragment).querySelectorAll('br[title]')).toHaveLength(0);
  });

  it('works for one block and for none', () => {
    expect(together(['<p>x</p>'])).toEqual(alone(['<p>x</p>']));
    expect(together([])).toEqual([]);
  });

  it.each([
    ['an element left open', ['<div><p>open', '<p>next</p>']],
    ['a table left open', ['<table><tr><td>cell', '<p>next</p>']],
    ['a formatting element left to reconstruct', ['<p><b>bold</p>', 'next']],
    ['a block that swallows the rest', ['<plaintext>', '<p>next</p>']],
    ['a raw-text element left open', ['<textarea>', '<p>next</p>']],
    ['a comment left open', ['<!-- open', '<p>next</p>']],
  ])('refuses when a block does not end in plain body content: %s', (_, blocks) => {
    expect(together(blocks)).toBeNull();
  });

  it('ignores markers a block carries that are not its own nonce', () => {
    const forged = ['<br title="pw-block:0000:1"><p>a</p>', '<p>b</p>'];
    expect(together(forged, 'ffff')).toEqual(alone(forged));
    // The page cannot know the nonce; if a block carried it anyway, the count would not match.
    const nonce = markerNonce();
    expect(together([`<br title="pw-block:${nonce}:1">`, '<p>b</p>'], nonce)).toBeNull();
  });

  it('makes a different hex nonce each time', () => {
    const a = markerNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(markerNonce()).not.toBe(a);
  });
});
