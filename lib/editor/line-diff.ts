import { commonEnds, shortestEditLength } from '@/lib/storage-format/line-diff-core';

/**
 * How many lines an edit added and removed, the way `diff` counts them: the shortest edit script
 * between the two texts' lines (Myers' O(ND) algorithm, lib/storage-format/line-diff-core.ts).
 * The save panel shows it as its change summary, so it must be cheap for a typical edit of a big
 * page: the common head and tail are skipped first, and only the length of the script is computed
 * (no path, O(N + M) memory).
 */

export interface LineChangeSummary {
  added: number;
  removed: number;
  /**
   * False when the two texts differed too much to count within the work limit: the numbers are
   * then the upper bound (every differing line between the common head and tail).
   */
  exact: boolean;
}

/** Edit-script lengths beyond this are not searched for; see `exact`. */
const DEFAULT_MAX_EDITS = 4000;

/** Lines as the editor shows them; a final newline does not start another (empty) line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Lines added and removed going from `before` to `after`. A changed line counts as one removed
 * and one added, as in a unified diff.
 */
export function lineChangeSummary(
  before: string,
  after: string,
  maxEdits: number = DEFAULT_MAX_EDITS,
): LineChangeSummary {
  const a = splitLines(before);
  const b = splitLines(after);
  const { head, tail } = commonEnds(a, b);
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const edits = shortestEditLength(oldMiddle, newMiddle, { maxEdits });
  if (edits === null) {
    return { added: newMiddle.length, removed: oldMiddle.length, exact: false };
  }
  // edits = removed + added, and both texts keep the same common subsequence.
  const common = (oldMiddle.length + newMiddle.length - edits) / 2;
  return { added: newMiddle.length - common, removed: oldMiddle.length - common, exact: true };
}

/** "3 lines added, 1 removed" style wording for summaries. */
export function describeLineChanges(summary: LineChangeSummary): string {
  const { added, removed, exact } = summary;
  if (added === 0 && removed === 0) return 'No line changes';
  const lines = (count: number) => `${count} line${count === 1 ? '' : 's'}`;
  const text =
    added > 0 && removed > 0
      ? `${lines(added)} added, ${removed} removed`
      : added > 0
        ? `${lines(added)} added`
        : `${lines(removed)} removed`;
  return exact ? text : `At most ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
