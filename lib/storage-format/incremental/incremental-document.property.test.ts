import { describe, expect, it } from 'vitest';

import { corpusPage, toOneLine } from '@/bench/corpus-pages';
import { syntheticPage } from '@/bench/synthetic-pages';

import { parseStorage } from '../parse';
import { renderDocument } from '../render';
import { validateStorage } from '../validate';
import { readCorpus } from '../testing/corpus';
import { createRandom } from '../testing/mutations';
import { parseShape } from '../testing/tree-shape';
import { placedHtml } from '../testing/placed-marks';
import { IncrementalBlocks } from './incremental-blocks';
import { IncrementalDocument } from './incremental-document';
import { IncrementalValidation } from './incremental-validation';

/**
 * The full pipeline is the oracle: after every edit of a random sequence, the incremental
 * document's parse and HTML, and the incremental validation's diagnostics, equal a parse, render
 * and validation of the whole text.
 */

const TYPED = [
  'x',
  ' ',
  '\n',
  '\r\n',
  '<',
  '>',
  '</',
  '/>',
  '&',
  '&amp;',
  '"',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<p>',
  '</p>',
  '<h2>Heading</h2>',
  '<ac:structured-macro ac:name="toc" />',
  '<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">a</ac:parameter></ac:structured-macro>',
  ' id="x"',
  ' class="c"',
  '<table><tbody><tr><td>',
];

type Edit = (text: string, random: () => number) => string;

const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Offsets of every occurrence of `pattern` (a tag start, a quote …) to aim edits at. */
function occurrences(text: string, pattern: string): number[] {
  const found: number[] = [];
  for (
    let i = text.indexOf(pattern);
    i !== -1 && found.length < 2000;
    i = text.indexOf(pattern, i + 1)
  ) {
    found.push(i);
  }
  return found;
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

const EDITS: readonly Edit[] = [
  (text, random) => {
    const start = at(text, random);
    return splice(text, start, start, pick(TYPED, random)!);
  },
  (text, random) => {
    const start = at(text, random);
    return splice(text, start, Math.min(text.length, start + 1 + Math.floor(random() * 8)), '');
  },
  // Tag-breaking: lose a `<`, a `>` or a close tag.
  (text, random) => {
    const offset = pick(occurrences(text, pick(['<', '>'], random)!), random);
    return offset === undefined ? text : splice(text, offset, offset + 1, '');
  },
  (text, random) => {
    const offset = pick(occurrences(text, '</'), random);
    if (offset === undefined) return text;
    const end = text.indexOf('>', offset);
    return end === -1 ? text : splice(text, offset, end + 1, '');
  },
  // A whole top-level block, cut or duplicated (lines of a multi-line body, else a tag run).
  (text, random) => {
    const offset = pick(occurrences(text, '\n<'), random);
    if (offset === undefined) return text;
    const next = text.indexOf('\n<', offset + 1);
    const end = next === -1 ? text.length : next;
    return random() < 0.5
      ? splice(text, offset, end, '')
      : splice(text, end, end, text.slice(offset, end));
  },
  // Attribute values.
  (text, random) => {
    const offset = pick(occurrences(text, '="'), random);
    return offset === undefined
      ? text
      : splice(text, offset + 2, offset + 2, pick(['a', ' ', '"', '&'], random)!);
  },
  // A paste over a range, and an undo of it.
  (text, random) => {
    const start = at(text, random);
    const end = Math.min(text.length, start + Math.floor(random() * 40));
    return splice(text, start, end, text.slice(at(text, random), at(text, random)));
  },
];

interface Incremental {
  document: IncrementalDocument;
  /** The preview's form: marks relative to each block, placed beside it. */
  blocks: IncrementalBlocks;
  validation: IncrementalValidation;
}

/** A sanitizer that changes nothing: the writer's output, as a sanitized render would write it. */
const unchanged = (html: string) => html;
// The same options objects every update, as the preview keeps them: new ones start afresh.
const UNSANITIZED = { sanitizer: 'none' } as const;
const NO_OPTIONS = {};

function expectSameAsFull(incremental: Incremental, text: string, label: string): void {
  const preview = incremental.document.update(text, UNSANITIZED);
  const full = parseStorage(text);
  expect(parseShape(preview.parsed), label).toEqual(parseShape(full));
  expect(preview.html, label).toBe(renderDocument(full, { sanitizer: 'none' }));
  const placed = incremental.blocks.update(text, NO_OPTIONS);
  expect(placedHtml(placed.blocks), label).toBe(renderDocument(full, { sanitizer: unchanged }));
  expect(incremental.validation.validate(text), label).toEqual(validateStorage(text));
}

function incrementalPair(): Incremental {
  return {
    document: new IncrementalDocument(),
    blocks: new IncrementalBlocks(),
    validation: new IncrementalValidation(),
  };
}

function runEdits(body: string, seed: number, count: number, label: string): void {
  const random = createRandom(seed);
  const document = incrementalPair();
  let text = body;
  expectSameAsFull(document, text, `${label} (initial)`);
  for (let step = 0; step < count; step++) {
    const previous = text;
    text = pick(EDITS, random)!(text, random);
    // Sometimes go back, as undo does.
    if (random() < 0.1) text = previous;
    expectSameAsFull(document, text, `${label} step ${step}`);
  }
}

const corpus = [...readCorpus('valid'), ...readCorpus('invalid'), ...readCorpus('edge-cases')];

describe('IncrementalDocument and IncrementalValidation equal the full pipeline after every edit', () => {
  it.each(corpus.map((entry, index) => [entry.name, entry.body, index] as const))(
    'corpus %s, multi-line and one-line',
    (name, body, index) => {
      runEdits(body, 1000 + index, 25, name);
      runEdits(toOneLine(body), 5000 + index, 15, `${name} one-line`);
    },
  );

  it('on synthetic pages and a corpus page', () => {
    runEdits(syntheticPage(20_000), 7, 30, 'synthetic 20 KB');
    runEdits(corpusPage(60_000), 8, 30, 'corpus page');
    runEdits(toOneLine(syntheticPage(30_000)), 9, 20, 'synthetic one-line');
  });

  it('from an empty text, typing a body key by key and back', () => {
    const body = corpus[0]!.body.slice(0, 400);
    const document = incrementalPair();
    for (let i = 0; i <= body.length; i++)
      expectSameAsFull(document, body.slice(0, i), `typed ${i}`);
    for (let i = body.length; i >= 0; i--) expectSameAsFull(document, body.slice(i), `cut ${i}`);
  });
});
