import { canonicalizeStorage } from '@/lib/storage-format/canonical';
import { formatStorage } from '@/lib/storage-format/format';
import { diffHunksOrReplace, type DiffLimits } from '@/lib/storage-format/line-diff-core';

/**
 * Read-after-write verification: after a save, the page read back must be the one we meant to
 * write. Pure (no client), so the browser can show the same result the server computed.
 */

export interface SentPage {
  title: string;
  body: string;
  /** The parent the page had when loaded, sent again with the save. */
  parentId: string | null;
}

export interface ReadBackPage {
  title: string;
  body: string;
  parentId: string | null;
  version: { number: number };
}

export type SaveVerification =
  | {
      ok: boolean;
      /** The version Confluence has now. */
      version: number;
      /** Exactly base + 1: nobody else saved in between. */
      versionMatches: boolean;
      titleMatches: boolean;
      parentUnchanged: boolean;
      /**
       * Same canonical body (see canonical.ts), ignoring the ids Confluence adds itself: a
       * re-serialisation that means the same is fine.
       */
      bodyMatches: boolean;
      /** What differs, for people: the mismatches, and what Confluence rewrote in the body. */
      changes?: string[];
    }
  | { ok: false; reason: 'could not read back' };

/**
 * Attributes Confluence adds or renumbers on save by itself (ids of macros and of ADF nodes, the
 * macro schema version). Their appearing is routine, not a mismatch; they are still reported.
 */
const ROUTINE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'ac:macro-id',
  'ac:local-id',
  'ac:schema-version',
  'local-id',
]);
const ROUTINE = { ignoreAttributes: ROUTINE_ATTRIBUTES };

function countRoutineAttributes(body: string): number {
  return [...body.matchAll(/\s(?:ac:macro-id|ac:local-id|ac:schema-version|local-id)\s*=/g)].length;
}

/** How many routine attributes the stored body has beyond the sent one. */
function routineAdditions(sent: string, stored: string): number {
  return Math.max(0, countRoutineAttributes(stored) - countRoutineAttributes(sent));
}

/** At most this many body changes are described; the rest are counted. */
const MAX_BODY_CHANGES = 5;
const MAX_LINE = 80;
/**
 * A re-serialisation rewrites a few blocks; past these bounds the differing middle is described
 * as one change rather than searched for longer.
 */
const BODY_DIFF_LIMITS: DiffLimits = { maxEdits: 2000, maxWork: 20_000_000 };

function clip(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > MAX_LINE ? `${trimmed.slice(0, MAX_LINE - 1)}…` : trimmed;
}

/** One line per block, so a rewritten attribute names its block rather than the whole body. */
function comparableLines(body: string): string[] {
  const canonical = canonicalizeStorage(body, ROUTINE);
  return formatStorage(canonical ?? body)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Human descriptions of how `stored` differs from `sent`, block by block. */
export function describeBodyChanges(sent: string, stored: string, who = 'Confluence'): string[] {
  const out: string[] = [];
  const sentLines = comparableLines(sent);
  const storedLines = comparableLines(stored);
  const { hunks } = diffHunksOrReplace(sentLines, storedLines, BODY_DIFF_LIMITS);
  for (const hunk of hunks) {
    if (out.length >= MAX_BODY_CHANGES) break;
    const before = sentLines.slice(hunk.aStart, hunk.aEnd).map(clip);
    const after = storedLines.slice(hunk.bStart, hunk.bEnd).map(clip);
    if (before.length === 0) out.push(`${who} added ${after.map((l) => `\`${l}\``).join(', ')}`);
    else if (after.length === 0)
      out.push(`${who} removed ${before.map((l) => `\`${l}\``).join(', ')}`);
    else
      out.push(
        `${who} rewrote ${before.map((l) => `\`${l}\``).join(', ')} as ${after.map((l) => `\`${l}\``).join(', ')}`,
      );
  }
  if (hunks.length > out.length) out.push(`…and ${hunks.length - out.length} more changes`);
  return out;
}

/**
 * Compares what was sent with what Confluence now holds. `ok` means all four hold: version is
 * base + 1, title and parent are the ones sent, and the body means the same.
 */
export function verifySave(
  sent: SentPage,
  readBack: ReadBackPage,
  baseVersion: number,
): SaveVerification {
  const expected = baseVersion + 1;
  const version = readBack.version.number;
  const versionMatches = version === expected;
  const titleMatches = readBack.title === sent.title;
  const parentUnchanged = (readBack.parentId ?? null) === (sent.parentId ?? null);
  const sentCanonical = canonicalizeStorage(sent.body, ROUTINE);
  const bodyMatches =
    sentCanonical === null
      ? readBack.body === sent.body
      : sentCanonical === canonicalizeStorage(readBack.body, ROUTINE);
  const added = bodyMatches ? routineAdditions(sent.body, readBack.body) : 0;
  const changes: string[] = [];
  if (!versionMatches) {
    changes.push(
      `The page is at version ${version}, not ${expected}: someone else saved in between.`,
    );
  }
  if (!titleMatches) {
    changes.push(`The title is “${readBack.title}”, not “${sent.title}”.`);
  }
  if (!parentUnchanged) {
    changes.push(
      `The page moved: its parent is ${readBack.parentId ?? 'none (top of the space)'}, not ${sent.parentId ?? 'none'}.`,
    );
  }
  // At base + 1 the only writer was us, so a difference is Confluence's re-serialisation.
  if (!bodyMatches) {
    changes.push(
      ...describeBodyChanges(
        sent.body,
        readBack.body,
        versionMatches ? 'Confluence' : 'The stored page',
      ),
    );
  }
  if (added > 0) {
    changes.push(
      `Confluence added its own ids to ${added} element${added === 1 ? '' : 's'} (ac:macro-id, ac:local-id…): expected, nothing to do.`,
    );
  }
  const ok = versionMatches && titleMatches && parentUnchanged && bodyMatches;
  return {
    ok,
    version,
    versionMatches,
    titleMatches,
    parentUnchanged,
    bodyMatches,
    ...(changes.length > 0 ? { changes } : {}),
  };
}

/** The save toast's words: "Saved and verified v6", or what did not match. */
export function verificationMessage(verification: SaveVerification, savedVersion: number): string {
  if (!('version' in verification)) {
    return `Saved v${savedVersion}, but the page could not be read back to verify it.`;
  }
  if (verification.ok) return `Saved and verified v${verification.version}.`;
  const first = verification.changes?.[0] ?? 'The page read back differs from what was sent.';
  return `Saved v${savedVersion}, but the page read back does not match: ${first}`;
}

/**
 * Verifies a save from the page its answer carried (`stored`), or, when the answer did not carry
 * the body, from one read-back through `readBack`. A failed read-back only means "not verified":
 * the save stands.
 */
export async function verifySavedPage(
  sent: SentPage,
  baseVersion: number,
  stored: ReadBackPage | undefined,
  readBack: () => Promise<ReadBackPage>,
): Promise<SaveVerification> {
  let page = stored;
  if (!page) {
    try {
      page = await readBack();
    } catch {
      return { ok: false, reason: 'could not read back' };
    }
  }
  return verifySave(sent, page, baseVersion);
}
