import { describe, expect, it } from 'vitest';

import { parseStorage } from '../parse';
import { readCorpus } from '../testing/corpus';
import { renderDocument } from './render';
import {
  firstMissingChunk,
  htmlBody,
  testSanitizer,
  visibleCellCount,
  visibleTextChunks,
  xssProblem,
  xssProblemIn,
} from './render-test-support';

/**
 * Every real body of the shared corpus renders, keeps all of its visible text (in order) and
 * every table cell, through the writer alone and through the full pipeline.
 */

const valid = readCorpus('valid');
const options = {
  attachmentUrl: (ref: { filename: string }) => `/attachments/${encodeURIComponent(ref.filename)}`,
  pageUrl: (ref: { title: string }) => `/pages/${encodeURIComponent(ref.title)}`,
};

describe('renderStorage over corpus/storage/valid', () => {
  it('has the corpus', () => {
    expect(valid.length).toBeGreaterThanOrEqual(80);
  });

  for (const { name, body } of valid) {
    it(`${name}: keeps visible text and table cells`, () => {
      const parsed = parseStorage(body);
      const chunks = visibleTextChunks(parsed.document.children);
      const cells = visibleCellCount(parsed.document.children);
      for (const sanitizer of ['none', testSanitizer()] as const) {
        const html = renderDocument(parsed, { ...options, sanitizer });
        const rendered = htmlBody(html);
        expect(firstMissingChunk(chunks, rendered.textContent ?? '')).toBeNull();
        expect(rendered.querySelectorAll('td, th').length).toBe(cells);
        expect(xssProblemIn(rendered.ownerDocument)).toBeNull();
      }
    });
  }

  it('tags top-level blocks with the line of their start tag, in order', () => {
    for (const { name, body } of valid) {
      const parsed = parseStorage(body);
      const expected = new Set(
        parsed.document.children
          .filter((node) => node.type === 'element')
          .map((node) => parsed.positions.lineColumnAt(node.span.start).line),
      );
      const html = renderDocument(parsed, { sanitizer: 'none' });
      const lines = Array.from(htmlBody(html).querySelectorAll('[data-source-line]')).map((el) =>
        Number(el.getAttribute('data-source-line')),
      );
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) expect(expected.has(line), `${name} line ${line}`).toBe(true);
      expect(
        [...lines].sort((a, b) => a - b),
        name,
      ).toEqual(lines);
    }
  });

  it('renders the edge cases and the invalid bodies without throwing', () => {
    for (const { body } of [...readCorpus('edge-cases'), ...readCorpus('invalid')]) {
      const html = renderDocument(parseStorage(body), { sanitizer: testSanitizer() });
      expect(typeof html).toBe('string');
      expect(xssProblem(html)).toBeNull();
    }
  });
});
