import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

import {
  describeChar,
  isAllowedReferenceTarget,
  isNameChar,
  isNameStartChar,
  isXmlSpace,
} from './xml-chars';

/** An error at `index` (the last character the parser consumed), worded as Woodstox words it. */
export interface ScanError {
  index: number;
  message: string;
  /** Woodstox gives no position with this error (Confluence's answer then has no `[row,col]`). */
  unlocated?: true;
}

export type ReferenceResult = { end: number } | { error: ScanError };

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Reads the entity or character reference starting at the `&` at `start`, the way Woodstox
 * does inside text and attribute values. Returns the index after the `;`, or the first error.
 */
export function scanReference(src: string, start: number): ReferenceResult {
  const first = src[start + 1];
  if (first === '#') return scanCharacterReference(src, start + 2);
  if (first === undefined) return { error: { index: start, message: 'Unexpected EOF' } };
  if (!isNameStartChar(first) || first === ':') {
    const why = isXmlSpace(first) ? '(missing name?)' : '(expected a name start character)';
    return {
      error: { index: start + 1, message: `Unexpected character ${describeChar(first)} ${why}` },
    };
  }
  let index = start + 2;
  while (isNameChar(src[index])) index += 1;
  const name = src.slice(start + 1, index);
  if (name.includes(':')) {
    const message = `Illegal name "${name}" (PI target, entity/notation name): can not contain a colon (XML Namespaces 1.0#6)`;
    return { error: { index: index - 1, message } };
  }
  const next = src[index];
  if (next !== ';') {
    if (next === undefined) return { error: { index: index - 1, message: 'Unexpected EOF' } };
    const message = `Unexpected character ${describeChar(next)}; expected a semi-colon after the reference for entity '${name}'`;
    return { error: { index, message } };
  }
  if (!XML_PREDEFINED.has(name) && !XHTML_ENTITIES.has(name)) {
    return { error: { index, message: `Undeclared general entity "${name}"` } };
  }
  return { end: index + 1 };
}

function scanCharacterReference(src: string, from: number): ReferenceResult {
  const hex = src[from] === 'x';
  let index = hex ? from + 1 : from;
  let value = 0;
  for (;;) {
    const ch = src[index];
    if (ch === undefined) return { error: { index: index - 1, message: 'Unexpected EOF' } };
    if (ch === ';') break;
    const digit = hex ? parseInt(ch, 16) : ch >= '0' && ch <= '9' ? Number(ch) : NaN;
    if (Number.isNaN(digit) || (hex && !/[0-9a-fA-F]/.test(ch))) {
      const expected = hex ? 'a hex digit (0-9a-fA-F)' : 'a decimal number';
      return {
        error: {
          index,
          message: `Unexpected character ${describeChar(ch)}; expected ${expected}.`,
        },
      };
    }
    value = value * (hex ? 16 : 10) + digit;
    if (value > 0x10ffff) {
      const message = 'Illegal character entity: value higher than max allowed (0x10ffff)';
      return { error: { index, message } };
    }
    index += 1;
  }
  if (value === 0) {
    const message = 'Invalid character reference: null character not allowed in XML content.';
    return { error: { index, message } };
  }
  if (!isAllowedReferenceTarget(value)) {
    // Woodstox's own message really lacks the closing parenthesis.
    const message = `Illegal character entity: expansion character (code 0x${value.toString(16)}`;
    return { error: { index, message } };
  }
  return { end: index + 1 };
}
