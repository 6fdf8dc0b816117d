import { describe, expect, it } from 'vitest';

import { createRandom } from '@/lib/storage-format/testing/mutations';

import { diff3Merge, type MergeRegion } from './diff3';

/**
 * Properties of the three-way merge on random line lists drawn from a few values, so that, as in
 * a formatted page of tables, most lines repeat many times (`</td>`, `<tr>`…).
 */

const SCENARIOS = 600;
const LINE_VALUES = ['<tr>', '</tr>', '<td>', '</td>', '<p>x</p>', ''];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomLines(random: Random, count: number, tag: string): string[] {
  // Mostly repeated values; now and then a line of its own.
  return Array.from({ length: count }, (_, i) =>
    random() < 0.85 ? pick(random, LINE_VALUES) : `<p>${tag} ${i}</p>`,
  );
}

/** Replace `base[start, end)` by `lines`. */
interface Edit {
  start: number;
  end: number;
  lines: string[];
}

function applyEdits(base: readonly string[], edits: readonly Edit[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((x, y) => x.start - y.start)) {
    out.push(...base.slice(at, edit.start), ...edit.lines);
    at = edit.end;
  }
  out.push(...base.slice(at));
  return out;
}

/**
 * Random edits of `base` (changes, deletions, insertions), each in its own slot of the base:
 * slots are cut at random and every other one is left alone, so no two edits meet.
 */
function randomEdits(random: Random, base: readonly string[], tag: string): Edit[][] {
  const cuts = new Set<number>();
  for (let i = 0; i < base.length / 3; i++) cuts.add(Math.floor(random() * (base.length + 1)));
  const bounds = [0, ...[...cuts].sort((x, y) => x - y), base.length];
  const slots: Edit[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) {
    const [start, end] = [bounds[i]!, bounds[i + 1]!];
    if (random() < 0.5) continue;
    const roll = random();
    const inserted = randomLines(random, 1 + Math.floor(random() * 3), tag);
    if (roll < 0.3) slots.push({ start, end, lines: [] });
    else if (roll < 0.6) slots.push({ start, end: start, lines: inserted });
    else slots.push({ start, end, lines: inserted });
  }
  // Two edit sets on alternate slots: they never touch each other.
  return [slots.filter((_, i) => i % 2 === 0), slots.filter((_, i) => i % 2 === 1)];
}

/** The merged lines, with both sides of every conflict. */
function allLines(regions: readonly MergeRegion[]): string[] {
  return regions.flatMap((r) =>
    'ok' in r ? r.ok : [...r.conflict.mine, ...r.conflict.base, ...r.conflict.theirs],
  );
}

function cleanResult(regions: readonly MergeRegion[]): string[] | null {
  if (regions.some((r) => 'conflict' in r)) return null;
  return regions.flatMap((r) => ('ok' in r ? r.ok : []));
}

function counts(lines: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1);
  return map;
}

function isRunOf(run: readonly string[], lines: readonly string[]): boolean {
  if (run.length === 0) return true;
  for (let i = 0; i + run.length <= lines.length; i++) {
    if (run.every((line, j) => lines[i + j] === line)) return true;
  }
  return false;
}

function scenario(seed: number) {
  const random = createRandom(seed);
  const base = randomLines(random, 5 + Math.floor(random() * 60), 'base');
  const [mineEdits, theirEdits] = randomEdits(random, base, `s${seed}`);
  return { random, base, mineEdits: mineEdits!, theirEdits: theirEdits! };
}

/**
 * Repeated lines in blocks that each open with a line of their own (like a page's headings), and
 * edits inside the blocks, mine and theirs never in the same block. With repeated lines alone, a
 * diff may rightly place an edit next to the other side's (a conflict, or lines kept in another
 * order); the unchanged opening line between two edited blocks is what makes them independent.
 */
function blockScenario(seed: number) {
  const random = createRandom(seed);
  const base: string[] = [];
  const interiors: Array<[number, number]> = [];
  const blocks = 2 + Math.floor(random() * 12);
  for (let block = 0; block < blocks; block++) {
    base.push(`<h2>Block ${block}</h2>`);
    const start = base.length;
    base.push(...Array.from({ length: Math.floor(random() * 7) }, () => pick(random, LINE_VALUES)));
    interiors.push([start, base.length]);
  }
  const mineEdits: Edit[] = [];
  const theirEdits: Edit[] = [];
  for (const [start, end] of interiors) {
    const roll = random();
    if (roll < 0.3) continue;
    const from = start + Math.floor(random() * (end - start + 1));
    const to = from + Math.floor(random() * (end - from + 1));
    const lines = randomLines(random, Math.floor(random() * 4), `s${seed}`);
    if (from === to && lines.length === 0) continue;
    (roll < 0.65 ? mineEdits : theirEdits).push({ start: from, end: to, lines });
  }
  return { base, mineEdits, theirEdits };
}

describe('diff3Merge', () => {
  it('gives theirs when mine is base, and mine when theirs is base', () => {
    for (let seed = 1; seed <= SCENARIOS; seed++) {
      const { base, mineEdits, theirEdits } = scenario(seed);
      const theirs = applyEdits(base, [...mineEdits, ...theirEdits]);
      expect(cleanResult(diff3Merge(base, base, theirs)), `seed ${seed}`).toEqual(theirs);
      expect(cleanResult(diff3Merge(theirs, base, base)), `seed ${seed}`).toEqual(theirs);
    }
  });

  it('applies both sides when they edited different blocks', () => {
    for (let seed = 1; seed <= SCENARIOS; seed++) {
      const { base, mineEdits, theirEdits } = blockScenario(seed);
      const regions = diff3Merge(applyEdits(base, mineEdits), base, applyEdits(base, theirEdits));
      expect(cleanResult(regions), `seed ${seed}`).toEqual(
        applyEdits(base, [...mineEdits, ...theirEdits]),
      );
    }
  });

  it('never loses a line of mine, and keeps whole runs of each side in conflicts', () => {
    let conflicts = 0;
    for (let seed = 1; seed <= SCENARIOS; seed++) {
      const { random, base, mineEdits, theirEdits } = scenario(seed);
      // Theirs also edits some of mine's slots here, so that true conflicts arise.
      const overlapping = mineEdits
        .filter(() => random() < 0.5)
        .map((e) => ({ ...e, lines: randomLines(random, 2, `t${seed}`) }));
      const mine = applyEdits(base, mineEdits);
      const theirs = applyEdits(base, [...theirEdits, ...overlapping]);
      const regions = diff3Merge(mine, base, theirs);
      const merged = counts(allLines(regions));
      const baseCounts = counts(base);
      for (const [line, count] of counts(mine)) {
        const added = count - (baseCounts.get(line) ?? 0);
        expect(merged.get(line) ?? 0, `seed ${seed}: ${line}`).toBeGreaterThanOrEqual(added);
      }
      for (const region of regions) {
        if ('ok' in region) continue;
        conflicts++;
        expect(isRunOf(region.conflict.mine, mine), `seed ${seed}`).toBe(true);
        expect(isRunOf(region.conflict.theirs, theirs), `seed ${seed}`).toBe(true);
        expect(isRunOf(region.conflict.base, base), `seed ${seed}`).toBe(true);
        expect(region.conflict.mine, `seed ${seed}: a false conflict`).not.toEqual(
          region.conflict.theirs,
        );
      }
    }
    expect(conflicts).toBeGreaterThan(SCENARIOS / 4);
  });

  it('takes identical changes on both sides once, as no conflict', () => {
    const base = ['a', '</td>', 'b', '</td>', 'c'];
    const both = ['a', '</td>', 'B', '</td>', 'c'];
    expect(diff3Merge(both, base, both)).toEqual([{ ok: both }]);
  });

  it('marks edits that touch as one conflict region with each side whole', () => {
    const base = ['1', '2', '3', '4'];
    const mine = ['1', 'two', '3', '4'];
    const theirs = ['1', '2', 'three', '4'];
    expect(diff3Merge(mine, base, theirs)).toEqual([
      { ok: ['1'] },
      { conflict: { mine: ['two', '3'], base: ['2', '3'], theirs: ['2', 'three'] } },
      { ok: ['4'] },
    ]);
  });

  it('falls back to one change per side past the diff bounds, still keeping mine', () => {
    const base = ['a', 'b', 'c', 'd', 'e', 'f'];
    const mine = ['a', 'B', 'c', 'd', 'e', 'f'];
    const theirs = ['a', 'b', 'c', 'd', 'E', 'f'];
    // Bounded at one edit, each side's change (two edits) is taken as its whole differing middle.
    expect(diff3Merge(mine, base, theirs, { maxEdits: 1 })).toEqual([
      { ok: ['a', 'B', 'c', 'd', 'E', 'f'] },
    ]);
    const mineFar = ['A', 'b', 'c', 'd', 'e', 'F'];
    const regions = diff3Merge(mineFar, base, theirs, { maxEdits: 1 });
    expect(regions).toEqual([
      {
        conflict: {
          mine: mineFar,
          base,
          theirs,
        },
      },
    ]);
    // Unbounded, the same edits conflict only where they meet.
    expect(diff3Merge(mineFar, base, theirs)).toEqual([
      { ok: ['A', 'b', 'c', 'd'] },
      { conflict: { mine: ['e', 'F'], base: ['e', 'f'], theirs: ['E', 'f'] } },
    ]);
  });
});
