import { tryFormatStorage } from '@/lib/storage-format/format';

import { diff3Merge } from './diff3';
import { splitLines } from './line-diff';

/**
 * The three-way merge behind a save conflict: the version the user started from (base), the one a
 * colleague saved meanwhile (theirs) and the user's text (mine). Bodies are merged line by line on
 * their formatted forms (one element per line), so two edits in different parts of a page never
 * collide just because Confluence keeps a page on a handful of long lines. Pure: no DOM, no I/O.
 *
 * Mine is never lost: a clean merge applies every change mine made; a conflicting region keeps
 * mine and theirs side by side between markers for the user to resolve.
 */

export interface PageSide {
  title: string;
  body: string;
}

export interface MergeInput {
  base: PageSide;
  theirs: PageSide;
  mine: PageSide;
}

export type TitleMerge =
  { conflict: false; title: string } | { conflict: true; mine: string; theirs: string };

export interface MergeOutcome {
  /** True when neither the body nor the title needs the user's decision. */
  clean: boolean;
  /** The merged body; with conflict markers around each conflicting region when `conflicts > 0`. */
  body: string;
  /** Number of conflicting body regions. */
  conflicts: number;
  title: TitleMerge;
  /** Whether the bodies were merged in their formatted forms (all three parsed). */
  formatted: boolean;
}

export interface ConflictLabels {
  mine: string;
  theirs: string;
}

export const CONFLICT_MARKER = {
  mine: '<<<<<<<',
  separator: '=======',
  theirs: '>>>>>>>',
} as const;

const DEFAULT_LABELS: ConflictLabels = { mine: 'mine', theirs: 'theirs' };

/** Lines that open, split or close a conflict region, as written by {@link mergePage}. */
const MARKER_LINE = /^(?:<{7}|={7}|>{7})(?: |$)/m;

/** Whether a body still holds conflict markers (it would not parse, and must not be saved). */
export function hasConflictMarkers(body: string): boolean {
  return MARKER_LINE.test(body);
}

/** A title changed on one side only wins; changed the same way on both is no conflict either. */
export function mergeTitles(base: string, theirs: string, mine: string): TitleMerge {
  if (mine === theirs || theirs === base) return { conflict: false, title: mine };
  if (mine === base) return { conflict: false, title: theirs };
  return { conflict: true, mine, theirs };
}

/**
 * The three bodies in the form they are merged in: formatted when every one of them parses
 * (formatting is deterministic, so only real edits differ), as written otherwise.
 */
function comparableBodies(input: MergeInput): {
  base: string;
  theirs: string;
  mine: string;
  formatted: boolean;
} {
  const base = tryFormatStorage(input.base.body);
  const theirs = tryFormatStorage(input.theirs.body);
  const mine = tryFormatStorage(input.mine.body);
  if (base.ok && theirs.ok && mine.ok) {
    return {
      base: base.formatted,
      theirs: theirs.formatted,
      mine: mine.formatted,
      formatted: true,
    };
  }
  return {
    base: input.base.body,
    theirs: input.theirs.body,
    mine: input.mine.body,
    formatted: false,
  };
}

export function mergePage(
  input: MergeInput,
  labels: ConflictLabels = DEFAULT_LABELS,
): MergeOutcome {
  const title = mergeTitles(input.base.title, input.theirs.title, input.mine.title);
  const bodies = comparableBodies(input);
  const done = (body: string, conflicts = 0): MergeOutcome => ({
    clean: conflicts === 0 && !title.conflict,
    body,
    conflicts,
    title,
    formatted: bodies.formatted,
  });

  // One side changed nothing but layout (or nothing at all): the other side, exactly as written.
  if (bodies.theirs === bodies.base || bodies.mine === bodies.theirs) return done(input.mine.body);
  if (bodies.mine === bodies.base) return done(input.theirs.body);

  const regions = diff3Merge(
    splitLines(bodies.mine),
    splitLines(bodies.base),
    splitLines(bodies.theirs),
  );
  const parts: string[][] = [];
  let conflicts = 0;
  for (const region of regions) {
    if ('ok' in region) {
      parts.push(region.ok);
    } else {
      conflicts += 1;
      parts.push(
        [`${CONFLICT_MARKER.mine} ${labels.mine}`],
        region.conflict.mine,
        [CONFLICT_MARKER.separator],
        region.conflict.theirs,
        [`${CONFLICT_MARKER.theirs} ${labels.theirs}`],
      );
    }
  }
  // Joined run by run (empty runs left out): a page's stable stretch can outgrow the arguments a
  // spread may pass.
  const text = parts.filter((lines) => lines.length > 0).map((lines) => lines.join('\n'));
  return done(text.join('\n'), conflicts);
}
