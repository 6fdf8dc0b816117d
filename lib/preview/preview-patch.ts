/**
 * Which top-level preview blocks can stay as they are. Blocks are keyed by their exact HTML (a
 * Map hashes the strings; equal strings are equal blocks, so there are no false matches), and an
 * unchanged block keeps its DOM nodes: the browser re-lays out only what is new.
 */

/** For each new block: the index of an old block with the same HTML to reuse, or -1 to create. */
export type BlockPlan = number[];

/**
 * Matches `next` against `previous` in order. The blocks the two share at their start and at their
 * end keep their places (an edit changes one stretch of the page; blocks that repeat, like the
 * line breaks between blocks, must not be matched across it, or every later node would move).
 * In the stretch between, each new block takes the earliest unused old block with identical HTML.
 * Typing inside one block yields one -1; inserting or deleting blocks shifts the rest without
 * re-creating them.
 */
export function planBlockPatch(previous: readonly string[], next: readonly string[]): BlockPlan {
  const shortest = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shortest && previous[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < shortest - head &&
    previous[previous.length - 1 - tail] === next[next.length - 1 - tail]
  ) {
    tail++;
  }
  const byHtml = new Map<string, number[]>();
  for (let i = previous.length - tail - 1; i >= head; i--) {
    const html = previous[i]!;
    const list = byHtml.get(html);
    if (list) list.push(i);
    else byHtml.set(html, [i]);
  }
  const plan: BlockPlan = new Array<number>(next.length);
  const shift = previous.length - next.length;
  for (let j = 0; j < next.length; j++) {
    if (j < head) plan[j] = j;
    else if (j >= next.length - tail) plan[j] = j + shift;
    // Lists hold indices in descending order, so pop() yields the earliest unused one.
    else plan[j] = byHtml.get(next[j]!)?.pop() ?? -1;
  }
  return plan;
}

/** How many blocks a plan creates (for tests and diagnostics). */
export function createdCount(plan: BlockPlan): number {
  let count = 0;
  for (const from of plan) if (from < 0) count++;
  return count;
}
