import {
  badgeLabel,
  type BlockFidelity,
  type Fidelity,
  type OffsetBlockFidelity,
} from './preview-fidelity';

/**
 * What the preview shows of each block's fidelity: the summary line and the badges on the blocks
 * of the frame (keyed by source line or by source offset).
 */
export interface FidelitySummary {
  approximate: number;
  unresolved: number;
  /** e.g. "3 approximate, 1 unresolved blocks"; "Every block exact" when there is nothing to say. */
  text: string;
}

export function summarizeFidelity(blocks: readonly BlockFidelity[]): FidelitySummary {
  let approximate = 0;
  let unresolved = 0;
  for (const block of blocks) {
    if (block.fidelity === 'approximate') approximate++;
    else if (block.fidelity === 'unresolved') unresolved++;
  }
  const parts: string[] = [];
  if (approximate > 0) parts.push(`${approximate} approximate`);
  if (unresolved > 0) parts.push(`${unresolved} unresolved`);
  const total = approximate + unresolved;
  const text =
    total === 0 ? 'Every block exact' : `${parts.join(', ')} ${total === 1 ? 'block' : 'blocks'}`;
  return { approximate, unresolved, text };
}

/** A badge to show, by `data-source-line`. */
export interface FidelityBadge {
  fidelity: Exclude<Fidelity, 'exact'>;
  label: string;
}

export function badgesByLine(blocks: readonly BlockFidelity[]): Map<number, FidelityBadge> {
  const badges = new Map<number, FidelityBadge>();
  for (const block of blocks) {
    if (block.fidelity === 'exact') continue;
    badges.set(block.line, { fidelity: block.fidelity, label: badgeLabel(block) });
  }
  return badges;
}

/** Badges by `data-source-offset`: the start offset of each block that is not exact. */
export function badgesByOffset(blocks: readonly OffsetBlockFidelity[]): Map<number, FidelityBadge> {
  const badges = new Map<number, FidelityBadge>();
  for (const block of blocks) {
    if (block.fidelity === 'exact') continue;
    badges.set(block.start, {
      fidelity: block.fidelity,
      label: badgeLabel({ ...block, line: 0, endLine: 0 }),
    });
  }
  return badges;
}

export const FIDELITY_ATTRIBUTE = 'data-pw-fidelity';
export const FIDELITY_LABEL_ATTRIBUTE = 'data-pw-fidelity-label';

/**
 * Marks the frame body's top-level blocks with their badges (attributes the frame's stylesheet
 * draws as a margin marker and a label), and unmarks the others. Attributes rather than nodes: the
 * block patcher owns the body's children, reuses block nodes by their HTML, and removes anything
 * else it finds; scroll anchors measure the same elements. Every top-level element is visited, so
 * an attribute a page wrote itself never survives as a fake badge.
 */
export function applyFidelityBadges(body: Element, badges: ReadonlyMap<number, FidelityBadge>) {
  markBlocks(body, badges, 'data-source-line');
}

/** {@link applyFidelityBadges} with badges keyed by `data-source-offset` ({@link badgesByOffset}). */
export function applyFidelityBadgesByOffset(
  body: Element,
  badges: ReadonlyMap<number, FidelityBadge>,
) {
  markBlocks(body, badges, 'data-source-offset');
}

function markBlocks(
  body: Element,
  badges: ReadonlyMap<number, FidelityBadge>,
  keyAttribute: 'data-source-line' | 'data-source-offset',
) {
  for (const element of Array.from(body.children)) {
    const raw = element.getAttribute(keyAttribute);
    const key = raw === null || raw === '' ? NaN : Number(raw);
    const badge = Number.isInteger(key) ? badges.get(key) : undefined;
    if (badge) {
      if (element.getAttribute(FIDELITY_ATTRIBUTE) !== badge.fidelity) {
        element.setAttribute(FIDELITY_ATTRIBUTE, badge.fidelity);
      }
      if (element.getAttribute(FIDELITY_LABEL_ATTRIBUTE) !== badge.label) {
        element.setAttribute(FIDELITY_LABEL_ATTRIBUTE, badge.label);
      }
    } else if (element.hasAttribute(FIDELITY_ATTRIBUTE)) {
      element.removeAttribute(FIDELITY_ATTRIBUTE);
      element.removeAttribute(FIDELITY_LABEL_ATTRIBUTE);
    } else if (element.hasAttribute(FIDELITY_LABEL_ATTRIBUTE)) {
      element.removeAttribute(FIDELITY_LABEL_ATTRIBUTE);
    }
  }
}

/**
 * Drawn in the frame (its stylesheet, next to PREVIEW_CSS): a bar in the body's left margin along
 * the block and the label as a small tab above its top right corner. Both are out of flow, so the
 * page's layout (and the scroll anchors measured on it) do not move.
 */
export const FIDELITY_BADGE_CSS = `
body > [data-pw-fidelity] { position: relative; }
body > [data-pw-fidelity]::before { content: ''; position: absolute; left: -16px; top: 0; bottom: 0;
  width: 4px; border-radius: 2px; background: var(--pw-fidelity-colour); }
body > [data-pw-fidelity]::after { content: attr(data-pw-fidelity-label); position: absolute;
  right: 0; top: 0; transform: translateY(-100%); max-width: 70%; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; padding: 0 6px; border-radius: 3px 3px 0 0;
  font: 11px/1.5 system-ui, sans-serif; font-style: normal; font-weight: normal; text-align: left;
  background: var(--pw-fidelity-colour); color: #fff; pointer-events: none; z-index: 1; }
body > [data-pw-fidelity="approximate"] { --pw-fidelity-colour: #8a5a00; }
body > [data-pw-fidelity="unresolved"] { --pw-fidelity-colour: #b3261e; }
`;
