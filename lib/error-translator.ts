import {
  parseCurrentVersion,
  parseStoragePosition,
  stripJavaPrefix,
} from '@/lib/confluence/errors';
import { applyEdits, offsetOf, quickFixesFor, type OffsetEdit } from '@/lib/editor/quick-fixes';
import { HTML_VOID_ELEMENTS } from '@/lib/storage-format/element-kinds';
import { parseStorage } from '@/lib/storage-format/parse';
import type { Diagnostic } from '@/lib/storage-format/types';

/**
 * The error translator: Confluence's real error texts (confluence-api.md §2.3) and the engine's
 * own diagnostics, each turned into a plain-language cause, the place in the body, what to do,
 * and — where the repair is mechanical — a fix that can be applied with one click. Pure and free
 * of server-only imports: the editor uses it on the answer of a failed save, the server on the
 * answer of "Check with Confluence".
 */

/** 1-based, end exclusive, UTF-16 columns (Monaco's and Confluence's `[row,col]` convention). */
export interface BodyRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One mechanical repair: edits on the body as it was when translated. */
export interface TranslatedFix {
  title: string;
  edits: OffsetEdit[];
}

export interface Translation {
  /** The catalogue entry that matched, e.g. `xhtml_unexpected_close_tag`; stable for the UI. */
  entry: string;
  /** What went wrong, in plain words. */
  cause: string;
  /** What to do about it. */
  advice: string;
  /** Where in the body, when the error is about the body. */
  range: BodyRange | null;
  /** The engine's diagnostic code for the same mistake, when the engine recognised it. */
  diagnosticCode?: string;
  /** Mechanical repairs, best first (may be empty). */
  fixes: TranslatedFix[];
  /** Title clash: the title Confluence refused (when it said), for suggestFreeTitle. */
  clashingTitle?: string;
  /** Version conflict: the version Confluence has now (when it said). */
  currentVersion?: number;
}

/** Applies a fix to the body it was made for and returns the new body. */
export function applyFix(source: string, fix: TranslatedFix): string {
  return applyEdits(source, fix.edits);
}

// ---------------------------------------------------------------------------------------------
// Storage-format parse errors ("Error parsing xhtml: …")

interface XhtmlEntry {
  entry: string;
  pattern: RegExp;
  /** Gets the pattern's match: `[whole, group1, …]`. */
  cause: (match: ReadonlyArray<string | undefined>) => string;
  advice: string;
}

/** Woodstox's messages as Confluence relays them (parser/messages.ts has the full wording). */
const XHTML_ENTRIES: readonly XhtmlEntry[] = [
  {
    entry: 'xhtml_unexpected_close_tag',
    pattern: /^Unexpected close tag <\/([^>]+)>; expected <\/([^>]+)>\./,
    // Confluence wraps the body in `<xml>…</xml>`: `</xml>` is the end of the body.
    cause: ([, closing, expected]) =>
      expected === 'xml'
        ? `\`</${closing}>\` closes nothing: no \`<${closing}>\` is open there.`
        : HTML_VOID_ELEMENTS.has(expected!)
          ? `\`<${expected}>\` is written the HTML way; storage format is XML, where it must be self-closed as \`<${expected}/>\`.`
          : closing === 'xml'
            ? `\`<${expected}>\` is never closed: the body ends first.`
            : `\`<${expected}>\` is still open where \`</${closing}>\` closes its parent: a close tag is missing or the tags cross.`,
    advice:
      'Close the element (or self-close it) before its parent ends, or remove a stray close tag.',
  },
  {
    entry: 'xhtml_unexpected_eof',
    pattern: /^Unexpected EOF; was expecting a close tag for element <([^>]+)>/,
    cause: ([, name]) => `\`<${name}>\` is never closed: the body ends first.`,
    advice: 'Add the missing close tag where the element ends.',
  },
  {
    entry: 'xhtml_cdata_end_in_text',
    pattern: /^String '\]\]>' not allowed in textual content/,
    cause: () =>
      '`]]>` appears in text. In a code block this usually means the code itself contains `]]>`, which ended its CDATA section early.',
    advice: 'Split the CDATA section around `]]>` (code), or write `]]&gt;` (text).',
  },
  {
    entry: 'xhtml_undeclared_entity',
    pattern: /^Undeclared general entity "([^"]+)"/,
    cause: ([, name]) =>
      `\`&${name};\` is not an entity Confluence knows: it accepts only the XHTML 1.0 names (HTML5 names such as \`&check;\` are refused).`,
    advice: 'Use the numeric character reference instead, or escape the ampersand as `&amp;`.',
  },
  {
    entry: 'xhtml_missing_semicolon',
    pattern: /expected a semi-colon after the reference for entity '([^']+)'/,
    cause: ([, name]) =>
      `A bare \`&\` (followed by \`${name}\`) starts an entity reference in XML — typically an unescaped \`&\` in a link's query string or in text.`,
    advice: 'Write the ampersand as `&amp;`.',
  },
  {
    entry: 'xhtml_bad_start_tag',
    pattern: /excepted space, or '>' or "\/>"/,
    cause: () =>
      'A start tag is malformed: attributes must be separated by spaces, quoted, and the tag must end with `>` or `/>`.',
    advice: 'Check the tag at the marked place: a missing space, quote or `>`.',
  },
  {
    entry: 'xhtml_unquoted_attribute',
    pattern: /in start tag Expected a quote/,
    cause: () => 'An attribute value is not quoted: XML needs `name="value"`.',
    advice: 'Put the value in double quotes.',
  },
  {
    entry: 'xhtml_attribute_without_value',
    pattern: /expected '='/,
    cause: () => 'An attribute has no value (HTML allows `<td nowrap>`, XML does not).',
    advice: 'Give it a value, e.g. `nowrap="nowrap"`, or remove it.',
  },
  {
    entry: 'xhtml_lt_in_attribute',
    pattern: /^Unexpected character '<' \(code 60\) in attribute value/,
    cause: () => 'An attribute value contains `<`, which XML does not allow there.',
    advice: 'Write it as `&lt;`.',
  },
  {
    entry: 'xhtml_lt_not_markup',
    pattern:
      /in content after '<' \(malformed start element\?\)|\(missing name\?\)|expected a name start character/,
    cause: () =>
      'A `<` in text is read as the start of a tag (e.g. `a < b` or `List<String>` outside a code block).',
    advice: 'Write it as `&lt;`, or put code in a code macro.',
  },
  {
    entry: 'xhtml_duplicate_attribute',
    pattern: /^Duplicate attribute '([^']+)'/,
    cause: ([, name]) => `The attribute \`${name}\` appears twice on one element.`,
    advice: 'Remove one of them.',
  },
  {
    entry: 'xhtml_undeclared_prefix',
    pattern: /^Undeclared namespace prefix "([^"]+)"/,
    cause: ([, prefix]) =>
      `\`${prefix}:\` is not a namespace Confluence declares (only \`ac:\` and \`ri:\` are): often a typo or markup copied from Word.`,
    advice: 'Fix the prefix or remove the element.',
  },
  {
    entry: 'xhtml_illegal_character',
    pattern: /^Illegal character|^Invalid character reference|^Illegal character entity/,
    cause: () =>
      'The body contains a control character (or a reference to one) that XML forbids — usually invisible, pasted from another program.',
    advice: 'Delete the character at the marked place.',
  },
  {
    entry: 'xhtml_directive',
    pattern: /^Unrecognized XML directive/,
    cause: () =>
      'A `<!DOCTYPE>` or other `<!…>` directive is in the body; storage format allows only comments and CDATA there.',
    advice: 'Remove the directive.',
  },
  {
    entry: 'xhtml_comment',
    pattern: /^String '--' not allowed in comment|in comment$/,
    cause: () => 'An HTML comment contains `--` or is never closed.',
    advice: 'Remove the `--` inside the comment, or close it with `-->`.',
  },
  {
    entry: 'xhtml_processing_instruction',
    pattern: /processing instruction|PI target/,
    cause: () => 'A `<?…?>` processing instruction (e.g. an XML declaration) is in the body.',
    advice: 'Remove it: storage format is a fragment without a declaration.',
  },
  {
    entry: 'xhtml_multiple_roots',
    pattern: /^Illegal to have multiple roots/,
    cause: () => 'Content follows the end of the body (a close tag too many near the end).',
    advice: 'Remove the extra close tag.',
  },
];

const GENERIC_XHTML: Omit<XhtmlEntry, 'pattern'> = {
  entry: 'xhtml_other',
  cause: () => 'Confluence could not read the body as XML.',
  advice: 'Fix the markup at the marked place.',
};

/** The engine diagnostic that is the same mistake Confluence reported, if the engine saw it. */
function matchingDiagnostic(
  source: string,
  parserMessage: string,
  line: number,
  column: number,
): Diagnostic | null {
  if (!parserMessage) return null;
  const candidates = parseStorage(source).diagnostics.filter((d) =>
    d.message.endsWith(`Confluence: ${parserMessage}`),
  );
  if (candidates.length === 0) return null;
  // Woodstox notices a mistake at or after it (an open `<br>` at the next close tag): take the
  // last candidate that starts at or before the reported place.
  const reported = line > 0 ? offsetOf(source, line, column) : Number.POSITIVE_INFINITY;
  let best: Diagnostic | null = null;
  for (const candidate of candidates) {
    if (offsetOf(source, candidate.line, candidate.column) <= reported) best = candidate;
  }
  return best ?? candidates[0]!;
}

/** The engine's plain words for a diagnostic: its message without the quoted Woodstox text. */
export function plainPart(message: string): string {
  const at = message.indexOf(' — Confluence: ');
  return at === -1 ? message : message.slice(0, at);
}

function toFixes(source: string, diagnostic: Diagnostic): TranslatedFix[] {
  return quickFixesFor(source, diagnostic).map(({ title, edits }) => ({ title, edits }));
}

/** A one-character range at Confluence's position (when the engine cannot say better). */
function pointRange(source: string, line: number, column: number): BodyRange | null {
  if (line <= 0) return null;
  const offset = offsetOf(source, line, column);
  const lineStart = offsetOf(source, line, 1);
  const at = Math.max(lineStart, Math.min(offset, source.length));
  const col = at - lineStart + 1;
  return { line, column: col, endLine: line, endColumn: col + 1 };
}

function translateXhtml(
  parserMessage: string,
  line: number,
  column: number,
  source?: string,
): Translation {
  let entry: Omit<XhtmlEntry, 'pattern'> = GENERIC_XHTML;
  let match: ReadonlyArray<string | undefined> = [parserMessage];
  for (const candidate of XHTML_ENTRIES) {
    const found = candidate.pattern.exec(parserMessage);
    if (found) {
      entry = candidate;
      match = found;
      break;
    }
  }
  const bare = parserMessage === '';
  const translation: Translation = {
    entry: bare ? 'xhtml_bare' : entry.entry,
    cause: bare
      ? 'Confluence refused the body as malformed XML but did not say where.'
      : entry.cause(match),
    advice: bare
      ? 'Use "Check" in the editor: the engine finds every error Confluence would reject.'
      : entry.advice,
    range: null,
    fixes: [],
  };
  if (source === undefined) return translation;
  const diagnostic = matchingDiagnostic(source, parserMessage, line, column);
  if (diagnostic) {
    return {
      ...translation,
      cause: plainPart(diagnostic.message),
      range: {
        line: diagnostic.line,
        column: diagnostic.column,
        endLine: diagnostic.endLine,
        endColumn: diagnostic.endColumn,
      },
      diagnosticCode: diagnostic.code,
      fixes: toFixes(source, diagnostic),
    };
  }
  return { ...translation, range: pointRange(source, line, column) };
}

// ---------------------------------------------------------------------------------------------
// Everything else Confluence answers (confluence-api.md §2.3)

interface ResponseEntry {
  entry: string;
  matches: (message: string, status: number | undefined) => boolean;
  cause: string;
  advice: string;
}

const includes =
  (...needles: string[]) =>
  (message: string) =>
    needles.some((needle) => message.includes(needle));

const RESPONSE_ENTRIES: readonly ResponseEntry[] = [
  {
    entry: 'version_conflict',
    matches: includes('Version must be incremented'),
    cause: 'Someone else saved this page after you opened it.',
    advice: 'Your text is kept. Compare with their version, merge, then save again.',
  },
  {
    entry: 'version_missing',
    matches: includes('Must supply an incremented version'),
    cause: 'The save reached Confluence without a version number.',
    advice: 'Reload the page and save again; if it repeats, report it (this is a Pagewright bug).',
  },
  {
    entry: 'concurrent_write',
    matches: includes('OptimisticLockException', 'Batch update returned unexpected row count'),
    cause: 'Two saves of this page reached Confluence at the same moment and yours lost the race.',
    advice: 'Your text is kept. Reload to see the other save, merge, then save again.',
  },
  {
    entry: 'page_not_found',
    matches: includes('No content found with id'),
    cause: 'The page no longer exists (deleted or moved to the trash), or you may not see it.',
    advice: 'Copy your text somewhere safe; open the page in Confluence to check.',
  },
  {
    entry: 'space_not_found',
    matches: includes('No space with key'),
    cause: 'The space does not exist or you may not see it.',
    advice: 'Check the space key.',
  },
  {
    entry: 'endpoint_removed',
    matches: (m, s) => s === 410 || m.includes('This deprecated endpoint has been removed'),
    cause: 'Your Confluence Cloud site has removed an API Pagewright used.',
    advice: 'Sign in again; if it persists, report it so Pagewright can switch API.',
  },
  {
    entry: 'password_basic_auth',
    matches: includes('Basic authentication with passwords is deprecated'),
    cause: 'Confluence Cloud does not accept account passwords from programs.',
    advice: 'Sign in with your e-mail and an API token (id.atlassian.com → Security → API tokens).',
  },
  {
    entry: 'token_scope',
    matches: includes('scope does not match'),
    cause: 'The token you signed in with is not allowed to do this (its scopes are too narrow).',
    advice: 'Create a token with read and write access to Confluence content and sign in again.',
  },
  {
    entry: 'credentials_rejected',
    matches: includes('AUTHENTICATED_FAILED', 'Basic Authentication Failure'),
    cause:
      'Confluence did not accept the credentials (a personal access token sent as a password is a common cause).',
    advice: 'Sign in again, choosing "personal access token" if that is what you have.',
  },
  {
    entry: 'no_product_access',
    matches: includes('not permitted to use Confluence'),
    cause: 'Your account has no access to Confluence on this site.',
    advice: 'Ask a site administrator for Confluence access.',
  },
  {
    entry: 'xsrf',
    matches: includes('XSRF check failed'),
    cause: 'Confluence refused the request as a possible cross-site request.',
    advice: 'Try again; if it repeats, report it (this is a Pagewright bug).',
  },
  {
    entry: 'too_large',
    matches: (m, s) =>
      s === 413 || m.includes('can be at most 5242880 bytes') || m.includes('too large in size'),
    cause: 'The page is larger than Confluence accepts (5 MB of storage format).',
    advice: 'Split the page, or move large tables and code to attachments or child pages.',
  },
  {
    entry: 'rate_limited',
    matches: (_m, s) => s === 429,
    cause: 'Confluence is limiting how many requests you may send right now.',
    advice: 'Wait a moment; Pagewright retries by itself.',
  },
  {
    entry: 'unauthorized',
    matches: (_m, s) => s === 401,
    cause: 'Confluence no longer accepts your sign-in.',
    advice: 'Sign in again.',
  },
  {
    entry: 'forbidden',
    matches: (_m, s) => s === 403,
    cause:
      'You do not have permission to do this in Confluence (e.g. edit restrictions on the page).',
    advice: 'Ask the page owner or a space administrator for edit permission.',
  },
];

const TITLE_CLASH_DC = /A page already exists with the title (.+) in the space with key (\S+)$/;

function translateTitleClash(message: string): Translation {
  const title = TITLE_CLASH_DC.exec(message)?.[1];
  return {
    entry: 'title_clash',
    cause: title
      ? `Another page in this space is already called “${title}”; titles are unique per space.`
      : 'Another page in this space already has this title; titles are unique per space.',
    advice: 'Choose another title (Pagewright suggests a free one).',
    range: null,
    fixes: [],
    ...(title ? { clashingTitle: title } : {}),
  };
}

/**
 * Translates one Confluence error answer. `message` is Confluence's text (Java exception
 * prefixes and the `[row,col]` suffix are handled here); `source` is the body that was sent, for
 * the range and the fixes.
 */
export function translateConfluenceError(
  error: { message: string; status?: number },
  source?: string,
): Translation {
  const message = stripJavaPrefix(error.message);
  const position = parseStoragePosition(message);
  if (position) {
    return translateXhtml(position.parserMessage, position.line, position.column, source);
  }
  if (message.includes('A page with this title already exists'))
    return translateTitleClash(message);
  const found = RESPONSE_ENTRIES.find((candidate) => candidate.matches(message, error.status));
  if (!found) {
    return {
      entry: 'unknown',
      cause: message
        ? `Confluence refused the request: ${message}`
        : 'Confluence refused the request without saying why.',
      advice: 'Your text is kept. Try again, or copy it somewhere safe.',
      range: null,
      fixes: [],
    };
  }
  const currentVersion =
    found.entry === 'version_conflict' ? parseCurrentVersion(message) : undefined;
  return {
    entry: found.entry,
    cause: found.cause,
    advice: found.advice,
    range: null,
    fixes: [],
    ...(currentVersion === undefined ? {} : { currentVersion }),
  };
}

/**
 * Confluence's "Error parsing xhtml" answer for `source` as an editor diagnostic: the engine's
 * code and range when it recognises the mistake (so its quick fixes apply), else
 * `confluence_parse_error` at Confluence's position; the message keeps Confluence's own words.
 */
export function diagnosticForConfluenceParseError(message: string, source: string): Diagnostic {
  const t = translateConfluenceError({ message, status: 400 }, source);
  const range = t.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const woodstox = parseStoragePosition(stripJavaPrefix(message))?.parserMessage;
  return {
    severity: 'error',
    code: t.diagnosticCode ?? 'confluence_parse_error',
    message: `${t.cause}${woodstox ? ` — Confluence: ${woodstox}` : ''}`,
    ...range,
  };
}

// ---------------------------------------------------------------------------------------------
// The engine's own diagnostics

/**
 * Translates one of the engine's diagnostics (parseStorage / validateStorage) of `source`: the
 * engine already words its messages for people, so this adds the fixes and a uniform shape.
 */
export function translateDiagnostic(source: string, diagnostic: Diagnostic): Translation {
  const fixes = toFixes(source, diagnostic);
  return {
    entry: `engine:${diagnostic.code}`,
    cause: plainPart(diagnostic.message),
    advice: fixes.length > 0 ? fixes[0]!.title : 'Edit the marked markup.',
    range: {
      line: diagnostic.line,
      column: diagnostic.column,
      endLine: diagnostic.endLine,
      endColumn: diagnostic.endColumn,
    },
    diagnosticCode: diagnostic.code,
    fixes,
  };
}

// ---------------------------------------------------------------------------------------------
// Title clashes

/**
 * A free title close to `title`: "Roadmap (2)", "Roadmap (3)", … (an existing " (n)" suffix is
 * counted on). `isFree` asks Confluence (the title-check endpoint); at most `maxTries` are asked.
 * Null when none of them is free.
 */
export async function suggestFreeTitle(
  title: string,
  isFree: (candidate: string) => Promise<boolean>,
  maxTries = 8,
): Promise<string | null> {
  const numbered = /^(.*\S) \((\d+)\)$/.exec(title.trim());
  const stem = numbered ? numbered[1]! : title.trim();
  const first = numbered ? Number(numbered[2]) + 1 : 2;
  for (let n = first; n < first + maxTries; n++) {
    const suffix = ` (${n})`;
    // Confluence titles are at most 255 characters: shorten the stem, never the number.
    const candidate = stem.slice(0, 255 - suffix.length).trimEnd() + suffix;
    if (await isFree(candidate)) return candidate;
  }
  return null;
}
