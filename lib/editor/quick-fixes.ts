import { decodeHTML } from 'entities';

import { parseStorage } from '@/lib/storage-format/parse';
import type { Diagnostic, ElementNode, ParseResult, StorageNode } from '@/lib/storage-format/types';
import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

import { scanTag } from './tag-scanner';

/** Replace `source.slice(start, end)` with `text` (UTF-16 offsets into the body). */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** One mechanical fix for one diagnostic; `preferred` fixes are offered first (Ctrl+.). */
export interface QuickFix {
  title: string;
  code: string;
  edits: OffsetEdit[];
  preferred: boolean;
}

/** The diagnostic fields a fix needs; Monaco markers carry exactly these. */
export type FixableDiagnostic = Pick<
  Diagnostic,
  'code' | 'line' | 'column' | 'endLine' | 'endColumn'
>;

type FixBuilder = (ctx: FixContext) => QuickFix[];

interface FixContext {
  source: string;
  code: string;
  start: number;
  end: number;
  /** `source.slice(start, end)`. */
  text: string;
  parsed: () => ParseResult;
}

function fix(ctx: FixContext, title: string, edits: OffsetEdit[], preferred = true): QuickFix {
  return { title, code: ctx.code, edits, preferred };
}

function replaceRange(ctx: FixContext, text: string): OffsetEdit[] {
  return [{ start: ctx.start, end: ctx.end, text }];
}

/** `<br>` → `<br/>`; `<ac:emoticon ac:name="x">` → `<ac:emoticon ac:name="x"/>`. */
const selfClose: FixBuilder = (ctx) => {
  if (!ctx.text.endsWith('>')) return [];
  const closed = `${ctx.text.slice(0, -1).trimEnd()}/>`;
  return [fix(ctx, `Self-close as \`${closed}\``, replaceRange(ctx, closed))];
};

const escapeWith =
  (replacement: string, title: string): FixBuilder =>
  (ctx) => {
    // The range may be longer than the offending character (`<Id,`): escape only its first one.
    return [fix(ctx, title, [{ start: ctx.start, end: ctx.start + 1, text: replacement }])];
  };

/** `&logo` → `&amp;logo` (URLs), or `&nbsp` → `&nbsp;` when it names a real entity. */
const entityMissingSemicolon: FixBuilder = (ctx) => {
  const fixes = [
    fix(ctx, 'Escape the ampersand (`&amp;`)', [
      { start: ctx.start, end: ctx.start + 1, text: '&amp;' },
    ]),
  ];
  const name = ctx.text.slice(1);
  if (XHTML_ENTITIES.has(name)) {
    fixes.push(
      fix(ctx, `Complete the entity as \`&${name};\``, replaceRange(ctx, `&${name};`), false),
    );
  }
  return fixes;
};

/** `&check;` (HTML5 only) → `&#10003;`; an unknown name → a literal `&amp;name;`. */
const undeclaredEntity: FixBuilder = (ctx) => {
  const decoded = decodeHTML(ctx.text);
  const fixes: QuickFix[] = [];
  if (decoded !== ctx.text && decoded.length > 0) {
    const references = Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
    fixes.push(
      fix(ctx, `Use the character reference \`${references}\``, replaceRange(ctx, references)),
    );
  }
  fixes.push(
    fix(
      ctx,
      'Escape the ampersand (`&amp;`)',
      [{ start: ctx.start, end: ctx.start + 1, text: '&amp;' }],
      fixes.length === 0,
    ),
  );
  return fixes;
};

/** `class=a` → `class="a"` (single quotes when the value holds a double quote). */
const quoteAttribute: FixBuilder = (ctx) => {
  const match = /^([^=\s]+)(\s*=\s*)(.*)$/s.exec(ctx.text);
  if (!match) return [];
  const [, name, , value = ''] = match;
  const quoted = value.includes('"')
    ? `'${value.replaceAll("'", '&apos;')}'`
    : `"${value.replaceAll('"', '&quot;')}"`;
  return [
    fix(ctx, `Quote the value: \`${name}=${quoted}\``, replaceRange(ctx, `${name}=${quoted}`)),
  ];
};

/** `open` → `open="open"`, as XHTML writes flags. */
const giveAttributeValue: FixBuilder = (ctx) => {
  const name = ctx.text.trim();
  return [fix(ctx, `Write \`${name}="${name}"\``, replaceRange(ctx, `${name}="${name}"`))];
};

/** Removes the range and the whitespace before it (`<p a="1" a="2">` → `<p a="1">`). */
const removeWithLeadingSpace =
  (title: string): FixBuilder =>
  (ctx) => {
    let start = ctx.start;
    while (start > 0 && /[ \t]/.test(ctx.source[start - 1] ?? '')) start -= 1;
    return [fix(ctx, title, [{ start, end: ctx.end, text: '' }])];
  };

/** Removes the range and one line break after it (a DOCTYPE usually has its own line). */
const removeLine =
  (title: string): FixBuilder =>
  (ctx) => {
    let end = ctx.end;
    if (ctx.source[end] === '\r') end += 1;
    if (ctx.source[end] === '\n') end += 1;
    return [fix(ctx, title, [{ start: ctx.start, end, text: '' }])];
  };

function findElementByOpenTag(nodes: readonly StorageNode[], start: number): ElementNode | null {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.openTag.start === start) return node;
    if (node.span.start <= start && start < node.span.end) {
      const inner = findElementByOpenTag(node.children, start);
      if (inner) return inner;
    }
  }
  return null;
}

/** Inserts `</name>` just after the element's last child (where its parent closes, typically). */
const closeElement: FixBuilder = (ctx) => {
  const element = findElementByOpenTag(ctx.parsed().document.children, ctx.start);
  const tag = scanTag(ctx.source, ctx.start);
  const name = element?.name ?? tag?.name;
  if (!name) return [];
  const last = element?.children[element.children.length - 1];
  let at = last ? last.span.end : (element?.openTag.end ?? tag?.end ?? ctx.end);
  if (at < 0) at = ctx.end;
  // Keep the close tag on the content's line rather than after trailing whitespace/newlines.
  while (at > ctx.end && /\s/.test(ctx.source[at - 1] ?? '')) at -= 1;
  return [
    fix(ctx, `Close the element with \`</${name}>\``, [{ start: at, end: at, text: `</${name}>` }]),
  ];
};

/**
 * `]]>` in text: escape it as `]]&gt;`; but inside a code macro's body the usual cause is a CDATA
 * section that ended early at a `]]>` in the code, so the better fix splits that one
 * (`]]]]><![CDATA[>`) and keeps the code intact.
 */
const cdataEndInText: FixBuilder = (ctx) => {
  const fixes: QuickFix[] = [];
  const bodyStart = ctx.source.lastIndexOf('<ac:plain-text-body>', ctx.start);
  const cdataStart = ctx.source.lastIndexOf('<![CDATA[', ctx.start);
  if (bodyStart !== -1 && cdataStart > bodyStart) {
    const earlyEnd = ctx.source.indexOf(']]>', cdataStart + 9);
    const between = ctx.source.slice(earlyEnd + 3, ctx.start);
    if (earlyEnd !== -1 && earlyEnd < ctx.start && !between.includes('<')) {
      fixes.push(
        fix(ctx, 'Keep `]]>` inside the code (split the CDATA section)', [
          { start: earlyEnd, end: earlyEnd + 3, text: ']]]]><![CDATA[>' },
        ]),
      );
    }
  }
  fixes.push(
    fix(
      ctx,
      'Escape as `]]&gt;`',
      [{ start: ctx.start + 2, end: ctx.start + 3, text: '&gt;' }],
      fixes.length === 0,
    ),
  );
  return fixes;
};

function attributeValue(tagText: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tagText);
  return match ? (match[1] ?? match[2] ?? '') : null;
}

/**
 * `<img src="x.png"/>` → `<ac:image><ri:attachment ri:filename="x.png"/></ac:image>`; an absolute
 * URL becomes `<ri:url ri:value="…"/>`. Width, height and alt carry over.
 */
const imgToAcImage: FixBuilder = (ctx) => {
  const tag = scanTag(ctx.source, ctx.start);
  if (!tag || tag.name !== 'img' || tag.end === -1) return [];
  const tagText = ctx.source.slice(tag.start, tag.end);
  const src = attributeValue(tagText, 'src');
  if (src === null || src === '') return [];
  const resource = /^[a-z][a-z0-9+.-]*:/i.test(src)
    ? `<ri:url ri:value="${src}"/>`
    : `<ri:attachment ri:filename="${src.replace(/^.*\//, '')}"/>`;
  const extras = (['width', 'height', 'alt'] as const)
    .map((name) => {
      const value = attributeValue(tagText, name);
      return value === null ? '' : ` ac:${name}="${value}"`;
    })
    .join('');
  // A non-self-closed `<img>` followed by `</img>`: replace both.
  const closeTag = '</img>';
  const end =
    !tag.selfClosing && ctx.source.startsWith(closeTag, tag.end)
      ? tag.end + closeTag.length
      : tag.end;
  return [
    fix(ctx, 'Convert to `<ac:image>`', [
      { start: tag.start, end, text: `<ac:image${extras}>${resource}</ac:image>` },
    ]),
  ];
};

/** `<ac:parameter ac:name="x"> v </ac:parameter>` → `…>v</ac:parameter>`. */
const trimParameter: FixBuilder = (ctx) => {
  const tag = scanTag(ctx.source, ctx.start);
  const closeStart = ctx.source.lastIndexOf('</', ctx.end - 1);
  if (!tag || tag.end === -1 || closeStart < tag.end || closeStart >= ctx.end) return [];
  const value = ctx.source.slice(tag.end, closeStart);
  const trimmed = value.trim();
  if (trimmed === value) return [];
  return [
    fix(ctx, 'Remove the whitespace around the value', [
      { start: tag.end, end: closeStart, text: trimmed },
    ]),
  ];
};

const BUILDERS: Record<string, FixBuilder> = {
  void_element_not_closed: selfClose,
  element_not_self_closed: selfClose,
  bare_ampersand: escapeWith('&amp;', 'Escape as `&amp;`'),
  entity_missing_semicolon: entityMissingSemicolon,
  undeclared_entity: undeclaredEntity,
  unclosed_element: closeElement,
  stray_close_tag: removeWithLeadingSpace('Remove the stray close tag'),
  unquoted_attribute: quoteAttribute,
  attribute_without_value: giveAttributeValue,
  lt_in_attribute_value: escapeWith('&lt;', 'Escape as `&lt;`'),
  lt_not_markup: escapeWith('&lt;', 'Escape as `&lt;`'),
  cdata_end_in_text: cdataEndInText,
  doctype_not_allowed: removeLine('Remove the DOCTYPE'),
  duplicate_attribute: removeWithLeadingSpace('Remove the duplicate attribute'),
  img_instead_of_ac_image: imgToAcImage,
  whitespace_in_parameter: trimParameter,
};

const PLAIN_BODY_OPEN = '<ac:plain-text-body>';
const PLAIN_BODY_CLOSE = '</ac:plain-text-body>';

/**
 * Code pasted raw into a macro's `<ac:plain-text-body>` (`a < b && c`, `List<String>`): every
 * error in it goes away by wrapping the whole body in CDATA, which is how Confluence stores code.
 * References already written (`&lt;`) are decoded first so the code reads the same; a `]]>` in
 * the code is split across two sections.
 */
function wrapPlainBodyInCData(ctx: FixContext): QuickFix | null {
  const open = ctx.source.lastIndexOf(PLAIN_BODY_OPEN, ctx.start);
  if (open === -1) return null;
  const contentStart = open + PLAIN_BODY_OPEN.length;
  const contentEnd = ctx.source.indexOf(PLAIN_BODY_CLOSE, contentStart);
  if (contentEnd === -1 || contentEnd < ctx.start) return null;
  // The element closed before the diagnostic, or CDATA is already there: nothing to wrap.
  const before = ctx.source.slice(contentStart, ctx.start);
  if (before.includes(PLAIN_BODY_CLOSE)) return null;
  const content = ctx.source.slice(contentStart, contentEnd);
  if (content.includes('<![CDATA[')) return null;
  const code = decodeHTML(content).replaceAll(']]>', ']]]]><![CDATA[>');
  return fix(ctx, 'Wrap the code in CDATA', [
    { start: contentStart, end: contentEnd, text: `<![CDATA[${code}]]>` },
  ]);
}

/** Codes that have a mechanical fix (used to decide whether to ask for code actions at all). */
export const FIXABLE_CODES: ReadonlySet<string> = new Set(Object.keys(BUILDERS));

/**
 * The fixes for one diagnostic of `source`, preferred first. Pass `parsed` when the caller
 * already parsed this exact text; otherwise it is parsed only if a fix needs the tree.
 */
export function quickFixesFor(
  source: string,
  diagnostic: FixableDiagnostic,
  parsed?: ParseResult,
): QuickFix[] {
  const builder = BUILDERS[diagnostic.code];
  if (!builder) return [];
  let tree = parsed;
  const getParsed = () => (tree ??= parseStorage(source));
  const start = offsetOf(source, diagnostic.line, diagnostic.column);
  const end = offsetOf(source, diagnostic.endLine, diagnostic.endColumn);
  const ctx: FixContext = {
    source,
    code: diagnostic.code,
    start,
    end,
    text: source.slice(start, end),
    parsed: getParsed,
  };
  const fixes = builder(ctx);
  const wrap = wrapPlainBodyInCData(ctx);
  if (wrap) {
    for (const other of fixes) other.preferred = false;
    fixes.unshift(wrap);
  }
  return fixes.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

/** Applies non-overlapping edits (any order) to `source`. */
export function applyEdits(source: string, edits: readonly OffsetEdit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** 1-based line/column (UTF-16 columns, like Monaco) → offset, clamped to the text. */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  const lineEnd = source.indexOf('\n', offset);
  const limit = lineEnd === -1 ? source.length : lineEnd;
  return Math.min(offset + Math.max(column - 1, 0), limit);
}
