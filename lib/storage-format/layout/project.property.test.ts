import { describe, expect, it } from 'vitest';

import { bodyToSave, layoutForEditing, projectEdits, type LaidOutBody } from '.';
import { formatStorageWithMap, holdsOnlyBlocks } from '../format';
import { parseStorage } from '../parse';
import { readCorpus } from '../testing/corpus';
import { createRandom } from '../testing/mutations';
import type { StorageNode } from '../types';
import { originalToLaid } from './offset-map';
import { applyEdits, type TextEdit } from './text-diff';

/**
 * Property: for every corpus body laid on one line (as Confluence's editor stores it), random
 * edits made in the laid-out view and saved give exactly the one-line body with the same edits
 * applied: nothing else changed, no layout leaked into it.
 */

const SINGLE_EDITS_PER_BODY = 40;
const EDIT_SETS_PER_BODY = 12;
const SEED = 20_261_207;

/** The body with the whitespace between its blocks removed: Confluence's one-line form. */
function onLine(body: string): string | null {
  const { ok, map } = formatStorageWithMap(body);
  if (!ok) return null;
  return map.runs.map((r) => body.slice(r.originalStart, r.originalStart + r.length)).join('');
}

/** One edit, on the one-line body and as the user makes it in the laid-out view. */
interface PairedEdit {
  kind: string;
  original: TextEdit;
  laid: TextEdit;
}

interface Targets {
  texts: { start: number; end: number }[];
  blocks: { start: number; end: number; depth: number }[];
  attributes: { start: number; end: number }[];
  cdata: { start: number; end: number }[];
}

function targetsOf(body: string): Targets {
  const targets: Targets = { texts: [], blocks: [], attributes: [], cdata: [] };
  const visit = (nodes: readonly StorageNode[], blocks: boolean, depth: number) => {
    for (const node of nodes) {
      if (node.type === 'text' && node.value.trim() !== '') targets.texts.push(node.span);
      else if (node.type === 'cdata') {
        targets.cdata.push({ start: node.span.start + 9, end: node.span.end - 3 });
      } else if (node.type === 'element') {
        if (blocks) targets.blocks.push({ ...node.span, depth });
        for (const attribute of node.attributes) targets.attributes.push(attribute.valueSpan);
        visit(node.children, holdsOnlyBlocks(node.children), depth + 1);
      }
    }
  };
  const { document } = parseStorage(body);
  visit(document.children, holdsOnlyBlocks(document.children), 0);
  return targets;
}

/** Edits a diff recovers whatever else changed. */
const DIFFABLE = new Set(['insert text', 'delete text', 'add block', 'edit attribute']);
/** Edits a diff recovers when they are the only change: CDATA edits, next to nothing else. */
const DIFFABLE_ALONE = new Set(['insert in CDATA', 'delete in CDATA']);

const WORDS = ['new', 'Größe', 'a b', 'x&amp;y', '<strong>bold</strong>', '42', 'é'];

function randomEdit(
  laid: LaidOutBody,
  targets: Targets,
  random: () => number,
  serial: number,
): PairedEdit | null {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const word = pick(WORDS)!;
  const toLaid = (offset: number, bias: 'before' | 'after' = 'after') =>
    originalToLaid(laid.map, offset, bias);
  const within = (span: { start: number; end: number }) =>
    span.start + Math.floor(random() * (span.end - span.start + 1));
  const same = (kind: string, edit: TextEdit): PairedEdit => ({
    kind,
    original: edit,
    laid: { start: toLaid(edit.start), end: toLaid(edit.end, 'before'), text: edit.text },
  });
  switch (Math.floor(random() * 7)) {
    case 0: {
      const text = pick(targets.texts);
      if (!text) return null;
      const at = within({ start: text.start + 1, end: text.end - 1 });
      if (at <= text.start || at >= text.end) return null;
      return same('insert text', { start: at, end: at, text: word });
    }
    case 1: {
      const text = pick(targets.texts);
      if (!text || text.end - text.start < 2) return null;
      const start = within({ start: text.start + 1, end: text.end - 1 });
      const end = Math.min(text.end - 1, start + 1 + Math.floor(random() * 8));
      if (end <= start) return null;
      return same('delete text', { start, end, text: '' });
    }
    case 2: {
      const block = pick(targets.blocks);
      // Where the laid-out view shows a line break before the block.
      if (!block || toLaid(block.start, 'before') === toLaid(block.start, 'after')) return null;
      const added = `<p>added ${serial}</p>`;
      const indent = '  '.repeat(block.depth);
      // Typed on a new line after the previous block's line, or before the block on its line.
      const laidEdit =
        random() < 0.5
          ? { at: toLaid(block.start, 'before'), text: `\n${indent}${added}` }
          : { at: toLaid(block.start, 'after'), text: `${added}\n${indent}` };
      return {
        kind: 'add block',
        original: { start: block.start, end: block.start, text: added },
        laid: { start: laidEdit.at, end: laidEdit.at, text: laidEdit.text },
      };
    }
    case 3: {
      const block = pick(targets.blocks);
      if (!block) return null;
      // The block's lines with the line break before them, or just the element.
      const start = random() < 0.5 ? toLaid(block.start, 'before') : toLaid(block.start);
      return {
        kind: 'delete block',
        original: { start: block.start, end: block.end, text: '' },
        laid: { start, end: toLaid(block.end, 'before'), text: '' },
      };
    }
    case 4: {
      const value = pick(targets.attributes);
      if (!value) return null;
      return same('edit attribute', { start: value.start, end: value.end, text: `v${serial}` });
    }
    case 5: {
      const cdata = pick(targets.cdata);
      if (!cdata) return null;
      const at = within(cdata);
      return same('insert in CDATA', { start: at, end: at, text: `\n  line ${serial}\n` });
    }
    default: {
      const cdata = pick(targets.cdata);
      if (!cdata || cdata.end - cdata.start < 1) return null;
      const start = within({ start: cdata.start, end: cdata.end - 1 });
      const end = Math.min(cdata.end, start + 1 + Math.floor(random() * 6));
      return same('delete in CDATA', { start, end, text: '' });
    }
  }
}

/** Apart on both sides by at least one character: adjacent edits would be ambiguous to order. */
function disjoint(edits: readonly PairedEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) {
    const [a, b] = [edits[i - 1]!, edits[i]!];
    if (a.original.end >= b.original.start || a.laid.end >= b.laid.start) return false;
  }
  return true;
}

function check(laid: LaidOutBody, edits: PairedEdit[], name: string): void {
  const sorted = [...edits].sort((a, b) => a.original.start - b.original.start);
  if (!disjoint(sorted)) return;
  const edited = applyEdits(
    laid.text,
    sorted.map((e) => e.laid),
  );
  const expected = applyEdits(
    laid.original,
    sorted.map((e) => e.original),
  );
  // The editor reports typed edits exactly; whole-text replacements are diffed. A diff cannot
  // always tell a line break typed inside CDATA next to other changes, or one left by deleting
  // a block with lines of its own, from layout: those are checked exactly only.
  const exact = projectEdits(
    laid.original,
    laid.map,
    sorted.map((e) => e.laid),
  );
  const diffable =
    sorted.every((e) => DIFFABLE.has(e.kind)) ||
    (sorted.length === 1 && DIFFABLE_ALONE.has(sorted[0]!.kind));
  const results: [string, string][] = [['exact', exact]];
  if (diffable) results.push(['diffed', bodyToSave(laid, edited)]);
  for (const [how, saved] of results) {
    if (saved === expected) continue;
    const kinds = sorted.map((e) => `${e.kind} ${JSON.stringify(e)}`).join('; ');
    let at = 0;
    while (saved[at] === expected[at]) at++;
    const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
    expect.fail(
      `${name} (${how}): ${kinds}\nsaved:    ${around(saved)}\nexpected: ${around(expected)}`,
    );
  }
}

describe('saving edits made in the laid-out view of a one-line body', () => {
  const bodies = [...readCorpus('valid'), ...readCorpus('edge-cases')]
    .map(({ name, body }) => ({ name, oneLine: onLine(body) }))
    .filter((b): b is { name: string; oneLine: string } => b.oneLine !== null);

  it('covers the corpus', () => {
    expect(bodies.length).toBeGreaterThan(60);
  });

  it.each(bodies)(
    '$name: the save is the stored body plus the edits, nothing else',
    ({ name, oneLine }) => {
      const laid = layoutForEditing(oneLine, true);
      const targets = targetsOf(oneLine);
      const random = createRandom(SEED + oneLine.length);
      let serial = 0;
      for (let i = 0; i < SINGLE_EDITS_PER_BODY; i++) {
        const edit = randomEdit(laid, targets, random, serial++);
        if (edit) check(laid, [edit], name);
      }
      for (let i = 0; i < EDIT_SETS_PER_BODY; i++) {
        const count = 2 + Math.floor(random() * 4);
        const edits: PairedEdit[] = [];
        for (let j = 0; j < count; j++) {
          const edit = randomEdit(laid, targets, random, serial++);
          if (edit) edits.push(edit);
        }
        check(laid, edits, name);
      }
    },
  );
});
