import {
  diffHunksOrReplace,
  type DiffLimits,
  type Hunk,
} from '@/lib/storage-format/line-diff-core';

/**
 * A three-way merge of line lists (diff3): base → mine and base → theirs are each diffed with
 * Myers' algorithm (lib/storage-format/line-diff-core.ts), and the two hunk lists are walked
 * together over base. A base stretch neither side changed is kept; a change made by one side only
 * is taken; changes whose base stretches overlap or touch form one region, taken when both sides
 * wrote the same lines there and a conflict otherwise. Adjacent changes conflict, as in GNU diff3:
 * lines edited next to each other are rarely independent.
 *
 * The diffs are bounded (see {@link MERGE_DIFF_LIMITS}): past the bound a side's differing middle
 * counts as one change, which can only turn clean merges into conflicts, never lose a line.
 */

export type MergeRegion =
  { ok: string[] } | { conflict: { mine: string[]; base: string[]; theirs: string[] } };

/**
 * Bounds for each of the two diffs. Typical edits are far below them; the path memory is O(D²)
 * (about 16 MB at 2,000) and the search stops after ~50 million steps (well under a second).
 */
export const MERGE_DIFF_LIMITS: DiffLimits = { maxEdits: 2000, maxWork: 50_000_000 };

/** One side's hunk over base. */
interface Change {
  side: 'mine' | 'theirs';
  hunk: Hunk;
}

export function diff3Merge(
  mine: readonly string[],
  base: readonly string[],
  theirs: readonly string[],
  limits: DiffLimits = MERGE_DIFF_LIMITS,
): MergeRegion[] {
  // Lines as small integers: equal lines compare in one step however long they are.
  const ids = new Map<string, number>();
  const toIds = (lines: readonly string[]) => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, i) => {
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const baseIds = toIds(base);
  const changes: Change[] = [
    ...diffHunksOrReplace(baseIds, toIds(mine), limits).hunks.map((hunk) => ({
      side: 'mine' as const,
      hunk,
    })),
    ...diffHunksOrReplace(baseIds, toIds(theirs), limits).hunks.map((hunk) => ({
      side: 'theirs' as const,
      hunk,
    })),
  ].sort((x, y) => x.hunk.aStart - y.hunk.aStart);

  const regions: MergeRegion[] = [];
  const keep = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    const last = regions[regions.length - 1];
    // Appended one by one: a page's stable stretch can outgrow the arguments a spread may pass.
    if (last !== undefined && 'ok' in last) for (const line of lines) last.ok.push(line);
    else regions.push({ ok: [...lines] });
  };
  let at = 0;
  for (let i = 0; i < changes.length;) {
    const start = changes[i]!.hunk.aStart;
    let end = changes[i]!.hunk.aEnd;
    const group = [changes[i]!];
    for (i += 1; i < changes.length && changes[i]!.hunk.aStart <= end; i += 1) {
      group.push(changes[i]!);
      end = Math.max(end, changes[i]!.hunk.aEnd);
    }
    keep(base.slice(at, start));
    at = end;
    if (group.length === 1) {
      const { side, hunk } = group[0]!;
      keep((side === 'mine' ? mine : theirs).slice(hunk.bStart, hunk.bEnd));
      continue;
    }
    // A side's hunks never touch one another (equal lines separate them), so a group of two or
    // more holds hunks of both sides.
    const mineLines = sideLines(mine, group, 'mine', start, end);
    const theirLines = sideLines(theirs, group, 'theirs', start, end);
    if (sameLines(mineLines, theirLines)) keep(mineLines);
    else {
      regions.push({
        conflict: { mine: mineLines, base: base.slice(start, end), theirs: theirLines },
      });
    }
  }
  keep(base.slice(at));
  return regions;
}

/**
 * What `side` holds in place of base's `[start, end)`: from its first hunk in the group to its
 * last, stretched by the base lines around them (equal on that side).
 */
function sideLines(
  lines: readonly string[],
  group: readonly Change[],
  side: Change['side'],
  start: number,
  end: number,
): string[] {
  const own = group.filter((change) => change.side === side).map((change) => change.hunk);
  const first = own[0]!;
  const last = own[own.length - 1]!;
  return lines.slice(first.bStart - (first.aStart - start), last.bEnd + (end - last.aEnd));
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
