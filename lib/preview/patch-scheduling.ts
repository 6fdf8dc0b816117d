import type { PlacedBlock } from '@/lib/storage-format/incremental/incremental-blocks';

/**
 * When the block patcher (preview-dom.ts) does the work that need not happen inside a keystroke
 * or before the preview first shows: setting the marks of blocks an edit only moved, once typing
 * pauses, and filling in a big page after its first screens. Both run in the browser's idle time.
 */

/** Runs `task` in the browser's idle time; `timeRemaining` says how much of it is left. */
export type IdleScheduler = (task: (deadline: { timeRemaining(): number }) => void) => void;

/** Idle slices of at most this many ms where the browser cannot say how much time is left. */
const SLICE_MS = 4;

/** `task` in idle time within `timeoutMs` (in a short slice, where the browser has no idle API). */
function whenIdle(task: Parameters<IdleScheduler>[0], timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(task, { timeout: timeoutMs });
    return;
  }
  const start = performance.now();
  task({ timeRemaining: () => SLICE_MS - (performance.now() - start) });
}

/** The pause in typing after which moved blocks get the rest of their marks. */
export const SETTLE_AFTER_MS = 500;

/** Settling marks: `SETTLE_AFTER_MS` from now, then in idle time. */
export const settleScheduler: IdleScheduler = (task) => {
  setTimeout(() => whenIdle(task, 1_000), SETTLE_AFTER_MS);
};

/**
 * A first fill of more HTML than this is progressive: the first `FIRST_FILL_CHARS` (several
 * screens of a tall preview) are shown at once, the rest follows in idle time. Creating and laying
 * out a 1 MB page's thousands of blocks took well over a second before the preview showed
 * anything; 24 000 characters instead of 60 000 opened the 1 MB pages another 30–90 ms sooner.
 */
export const PROGRESSIVE_FILL_CHARS = 200_000;
export const FIRST_FILL_CHARS = 24_000;

/** Filling in: as soon as the browser is idle (within 200 ms, so a busy page still fills). */
export const fillScheduler: IdleScheduler = (task) => {
  setTimeout(() => whenIdle(task, 200), 0);
};

/** How many of `blocks` make the first screens of a progressive fill (at least one). */
export function firstFillCount(blocks: readonly PlacedBlock[]): number {
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    chars += blocks[i]!.html.length;
    if (chars >= FIRST_FILL_CHARS) return i + 1;
  }
  return blocks.length;
}

/**
 * Each slice of a progressive fill sanitizes and parses its blocks in batches of about this much
 * HTML (parse-together.ts): one call per block costs more than the block, one call for the rest of
 * the page would not yield to the browser.
 */
export const FILL_BATCH_CHARS = 20_000;

/** Where the batch of the fill starting at block `from` ends (exclusive; at least one block). */
export function fillBatchEnd(blocks: readonly PlacedBlock[], from: number): number {
  let chars = 0;
  let end = from;
  while (end < blocks.length && (end === from || chars < FILL_BATCH_CHARS)) {
    chars += blocks[end]!.html.length;
    end++;
  }
  return end;
}

/** The HTML of `blocks`, in characters. */
export function htmlLength(blocks: readonly PlacedBlock[]): number {
  let chars = 0;
  for (const block of blocks) chars += block.html.length;
  return chars;
}
