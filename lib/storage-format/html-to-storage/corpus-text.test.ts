import { describe, expect, it } from 'vitest';

import { htmlToStorage } from '../html-to-storage';
import { parseStorage } from '../parse';
import { readCorpus } from '../testing/corpus';
import type { StorageNode } from '../types';

/** Visible text nodes of a storage body, outside macro parameters and task bookkeeping. */
function visibleTexts(nodes: readonly StorageNode[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'text') into.push(node.value);
    else if (node.type === 'element' && !HIDDEN.has(node.name) && node.prefix !== 'ri') {
      visibleTexts(node.children, into);
    }
  }
  return into;
}

const HIDDEN = new Set(['ac:parameter', 'ac:task-id', 'ac:task-status']);

/** Whitespace differs by design (collapsing), so compare texts with all of it removed. */
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, '');

describe('htmlToStorage over the valid storage corpus (XHTML in, storage out)', () => {
  it.each(readCorpus('valid').map(({ name, body }) => [name, body] as const))(
    '%s keeps its visible text in order',
    (_name, body) => {
      const expected = visibleTexts(parseStorage(body).document.children).map(squeeze);
      const output = parseStorage(htmlToStorage(body));
      expect(output.diagnostics).toEqual([]);
      const actual = squeeze(visibleTexts(output.document.children).join(''));
      // In order; macro parameters the input hid may now show as text, but nothing may be lost.
      let next = 0;
      const missing = expected.filter((segment) => {
        const found = actual.indexOf(segment, next);
        if (found < 0) return true;
        next = found + segment.length;
        return false;
      });
      expect(missing).toEqual([]);
    },
  );
});
