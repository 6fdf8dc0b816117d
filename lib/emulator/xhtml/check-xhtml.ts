import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

import type { ScanError } from './entity-reference';
import { NamespaceParser } from './namespace-parser';
import { confluencePosition, lineColumnAt } from './positions';
import { findFirstWoodstoxError } from './woodstox-scanner';

/** Verdict of the emulator's storage-format check, positions as Woodstox reports them. */
export type XhtmlVerdict =
  | { ok: true }
  | {
      ok: false;
      /** Woodstox's words, e.g. `Unexpected close tag </p>; expected </br>.` */
      message: string;
      /** 1-based line and column in the body (column of the last character consumed). */
      line: number;
      column: number;
      /** The `[row,col]` Confluence prints (line 1 shifted by its wrapper). */
      row: number;
      col: number;
      /** Woodstox gave no position: Confluence's answer has no `[row,col]` then. */
      unlocated?: true;
    };

const WRAPPER_START =
  '<xml xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://www.atlassian.com/schema/confluence/4/ac/"' +
  ' xmlns:ri="http://www.atlassian.com/schema/confluence/4/ri/">';
const WRAPPER_END = '</xml>';

/**
 * Checks a storage-format body the way Confluence does on save: wrapped in `<xml>` declaring the
 * XHTML default namespace and the `ac:`/`ri:` prefixes, XHTML 1.0 entities known, strict XML.
 * saxes (namespace-aware) and a Woodstox-flavoured lexical pass both look; the earliest error wins.
 */
export function checkStorageXhtml(body: string): XhtmlVerdict {
  const src = body + WRAPPER_END;
  const lexical = findFirstWoodstoxError(src);
  // saxes looks up the default namespace through every open element, so its time grows with
  // depth times size: it never sees past the depth limit, where the lexical pass stops anyway
  // (the error is at a start tag's `<`, so the part before it holds only whole tags).
  const saxesBody = lexical?.unlocated ? body.slice(0, lexical.index) : body;
  const structural = runSaxes(saxesBody, saxesBody === body ? src : saxesBody + WRAPPER_END);
  const first = pickFirst(lexical, structural);
  if (!first) return { ok: true };
  const index = Math.max(0, Math.min(first.index, src.length - 1));
  const { line, column } = lineColumnAt(src, index);
  const position = { line, column, ...confluencePosition(line, column) };
  if (first.unlocated) return { ok: false, message: first.message, ...position, unlocated: true };
  return { ok: false, message: first.message, ...position };
}

/**
 * The lexical pass words and places errors as Woodstox does, so it wins, except for what only
 * saxes checks (namespaces, duplicate attributes) when that comes first. A saxes error the
 * lexical pass missed still rejects the body: two independent parsers must both accept it.
 */
function pickFirst(lexical: ScanError | null, structural: ScanError | null): ScanError | null {
  if (!lexical) return structural;
  if (!structural) return lexical;
  const saxesOnly = /^(Undeclared namespace|Duplicate attribute|Trying to redeclare|Non-default)/;
  return saxesOnly.test(structural.message) && structural.index < lexical.index
    ? structural
    : lexical;
}

/** The text Confluence puts in its 400 answer, e.g. `Error parsing xhtml: …\n at [row,col {unknown-source}]: [1,405]`. */
export function xhtmlErrorText(verdict: Extract<XhtmlVerdict, { ok: false }>): string {
  if (verdict.unlocated) return `Error parsing xhtml: ${verdict.message}`;
  return `Error parsing xhtml: ${verdict.message}\n at [row,col {unknown-source}]: [${verdict.row},${verdict.col}]`;
}

/**
 * saxes sees the body with `&` masked (the lexical pass owns references: saxes would read a stray
 * `&` up to the next `;` anywhere in the document) and U+FFFE/U+FFFF masked (Woodstox accepts them
 * in text; saxes does not).
 */
function runSaxes(body: string, src: string): ScanError | null {
  const masked = body.replace(/&/g, '*').replace(/[\uFFFE\uFFFF]/g, 'x');
  const parser = new NamespaceParser();
  const entities = parser.ENTITIES as Record<string, string>;
  for (const [name, value] of XHTML_ENTITIES) entities[name] = value;
  let first: ScanError | null = null;
  parser.on('error', (error) => {
    if (first) return;
    const index = parser.position - 1 - WRAPPER_START.length;
    const message = woodstoxWording(error.message, src, index);
    // Woodstox checks namespace declarations once the whole start tag is read.
    const atTagEnd = message.startsWith('Trying to redeclare');
    first = { index: atTagEnd ? src.indexOf('>', index) : index, message };
  });
  parser.write(WRAPPER_START + masked + WRAPPER_END).close();
  return first;
}

function woodstoxWording(saxesMessage: string, src: string, index: number): string {
  const text = saxesMessage.replace(/^\d+:\d+: /, '');
  const duplicate = /^duplicate attribute: (.*)\.$/.exec(text);
  if (duplicate) return `Duplicate attribute '${duplicate[1]}'.`;
  const unbound = /^unbound namespace prefix: "(.*)"\.$/.exec(text);
  if (unbound) return unboundPrefixWording(unbound[1]!, src, index);
  if (text.startsWith('xml prefix must be bound')) {
    const uri = /xmlns:xml\s*=\s*["']([^"']*)/.exec(src.slice(src.lastIndexOf('<', index)))?.[1];
    return `Trying to redeclare prefix "xml" from its default URI "http://www.w3.org/XML/1998/namespace" to "${uri ?? ''}"`;
  }
  if (text.startsWith('invalid attempt to undefine prefix')) {
    return 'Non-default namespace can not map to empty URI (as per Namespace 1.0 # 2) in XML 1.0 documents';
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unboundPrefixWording(prefix: string, src: string, index: number): string {
  const tag = src.slice(src.lastIndexOf('<', index), index + 1);
  const elementName = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
  if (elementName.startsWith(`${prefix}:`)) return `Undeclared namespace prefix "${prefix}"`;
  for (const match of tag.matchAll(/\s([^\s=/>]+)\s*=/g)) {
    const name = match[1]!;
    if (name.startsWith(`${prefix}:`)) {
      return `Undeclared namespace prefix "${prefix}" (for attribute "${name.slice(prefix.length + 1)}")`;
    }
  }
  return `Undeclared namespace prefix "${prefix}"`;
}
