/**
 * Which top-level preview blocks can stay as they are. Blocks are keyed by their exact HTML (a
 * Map hashes the strings; equal strings are equal blocks, so there are no false matches), and an
 * unchanged block keeps its DOM nodes: the browser re-lays out only what is new.
 */

/** For each new block: the index of an old block with the same HTML to reuse, or -1 to create. */
export type BlockPlan = number[];

/**
 * Matches `next` against `previous` in order: each new block takes the earliest unused old block
 * with identical HTML. Typing inside one block yields one -1; inserting or deleting blocks shifts
 * the rest without re-creating them.
 */
export function planBlockPatch(previous: readonly string[], next: readonly string[]): BlockPlan {
  const byHtml = new Map<string, number[]>();
  for (let i = previous.length - 1; i >= 0; i--) {
    const html = previous[i]!;
    const list = byHtml.get(html);
    if (list) list.push(i);
    else byHtml.set(html, [i]);
  }
  // Lists hold indices in descending order, so pop() yields the earliest unused one.
  return next.map((html) => byHtml.get(html)?.pop() ?? -1);
}

/** How many blocks a plan creates (for tests and diagnostics). */
export function createdCount(plan: BlockPlan): number {
  let count = 0;
  for (const from of plan) if (from < 0) count++;
  return count;
}
