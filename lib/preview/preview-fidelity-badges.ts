import { badgeLabel, type Fidelity, type OffsetBlockFidelity } from './preview-fidelity';

/**
 * What the preview says about each block's fidelity: the counts of the summary line and the
 * marks of the frame's blocks, keyed by source offset (`data-source-offset`).
 */
export interface FidelitySummary {
  approximate: number;
  unresolved: number;
  /** e.g. "1 unresolved, 3 approximate blocks"; "Every block exact" when there is nothing to say. */
  text: string;
}

export function summarizeFidelity(
  blocks: readonly Pick<OffsetBlockFidelity, 'fidelity'>[],
): FidelitySummary {
  let approximate = 0;
  let unresolved = 0;
  for (const block of blocks) {
    if (block.fidelity === 'approximate') approximate++;
    else if (block.fidelity === 'unresolved') unresolved++;
  }
  const parts: string[] = [];
  if (unresolved > 0) parts.push(`${unresolved} unresolved`);
  if (approximate > 0) parts.push(`${approximate} approximate`);
  const total = approximate + unresolved;
  const text =
    total === 0 ? 'Every block exact' : `${parts.join(', ')} ${total === 1 ? 'block' : 'blocks'}`;
  return { approximate, unresolved, text };
}

/**
 * Entries the summary line lists before its "Show more" button: a macro-rich page has over a
 * thousand blocks that are not exact, and building and laying out a button for each held up
 * opening a 1 MB page by about 100 ms, for a strip nobody scrolls a thousand chips along.
 */
export const FIRST_ENTRY_BUTTONS = 50;
/** Entries each "Show more" adds. */
export const MORE_ENTRY_BUTTONS = 200;

/** The mark of one block that is not exact. */
export interface FidelityBadge {
  fidelity: Exclude<Fidelity, 'exact'>;
  /** Its accessible name and tooltip, e.g. "Approximate: info macro rendered by Pagewright". */
  label: string;
}

/** Marks by `data-source-offset`: the start offset of each block that is not exact. */
export function badgesByOffset(blocks: readonly OffsetBlockFidelity[]): Map<number, FidelityBadge> {
  const badges = new Map<number, FidelityBadge>();
  for (const block of blocks) {
    if (block.fidelity === 'exact') continue;
    badges.set(block.start, { fidelity: block.fidelity, label: badgeLabel(block) });
  }
  return badges;
}
