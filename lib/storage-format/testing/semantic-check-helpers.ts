import { expect } from 'vitest';

import { parseStorage } from '../parse';
import { checkSemantics } from '../semantic-checks';
import type { Diagnostic } from '../types';

/** The semantic findings of a body that must itself be well-formed (Confluence accepts it). */
export function check(source: string): Diagnostic[] {
  const parsed = parseStorage(source);
  expect(parsed.diagnostics).toEqual([]);
  return checkSemantics(parsed.document, parsed.positions);
}

/** The findings as `severity code`, the shape most assertions compare. */
export function codes(source: string): string[] {
  return check(source).map((d) => `${d.severity} ${d.code}`);
}

export const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;
export const parameter = (name: string, value: string) =>
  `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;
export const rich = (xhtml: string) => `<ac:rich-text-body>${xhtml}</ac:rich-text-body>`;
export const plain = (text: string) =>
  `<ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body>`;
