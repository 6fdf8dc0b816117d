import { describeChar } from './char-classes';

/**
 * Woodstox's own wording (Woodstox 6, the parser inside Confluence), so that what we say matches
 * what Confluence would answer word for word. Its typos ("excepted") are kept on purpose.
 */
export const woodstox = {
  unexpectedCloseTag: (closing: string, expected: string) =>
    `Unexpected close tag </${closing}>; expected </${expected}>.`,
  missingNamespacePrefix: (code: number) =>
    `Unexpected character ${describeChar(code)} (missing namespace prefix?)`,
  missingName: (code: number) => `Unexpected character ${describeChar(code)} (missing name?)`,
  expectedNameStart: (code: number) =>
    `Unexpected character ${describeChar(code)} (expected a name start character)`,
  expectedSemicolon: (code: number, entity: string) =>
    `Unexpected character ${describeChar(code)}; expected a semi-colon after the reference for entity '${entity}'`,
  undeclaredEntity: (name: string) => `Undeclared general entity "${name}"`,
  expectedHexDigit: (code: number) =>
    `Unexpected character ${describeChar(code)}; expected a hex digit (0-9a-fA-F).`,
  expectedDecimal: (code: number) =>
    `Unexpected character ${describeChar(code)}; expected a decimal number.`,
  nullCharRef: 'Invalid character reference: null character not allowed in XML content.',
  charRefTooHigh: 'Illegal character entity: value higher than max allowed (0x10ffff)',
  // Woodstox really leaves the parenthesis open.
  illegalCharRef: (value: number) =>
    `Illegal character entity: expansion character (code 0x${value.toString(16)}`,
  illegalChar: (code: number) => `Illegal character (${describeChar(code)})`,
  cdataEndInText:
    "String ']]>' not allowed in textual content, except as the end marker of CDATA section",
  ltInContent: (code: number) =>
    `Unexpected character ${describeChar(code)} in content after '<' (malformed start element?).`,
  directive: "Unrecognized XML directive; expected CDATA or comment ('<![CDATA[' or '<!--').",
  commentDoubleHyphen: "String '--' not allowed in comment (missing '>'?)",
  commentEof: 'Unexpected end of input block in comment',
  cdataEof: 'Unexpected EOF in CDATA section',
  piEof: 'Unexpected end of input block in processing instruction',
  xmlTarget: (target: string) =>
    `Illegal processing instruction target ("${target}"); xml (case insensitive) is reserved by the specs.`,
  expectedSpaceOrEnd: (code: number) =>
    `Unexpected character ${describeChar(code)} excepted space, or '>' or "/>"`,
  expectedGt: (code: number) => `Unexpected character ${describeChar(code)} expected '>'`,
  expectedGtInEndTag: (code: number) =>
    `Unexpected character ${describeChar(code)} in end tag Expected '>'.`,
  missingElementName: (code: number) =>
    code <= 32
      ? `Unexpected character ${describeChar(code)}; missing element name?`
      : `Unexpected character ${describeChar(code)}; expected an element name.`,
  ltInElement: "Unexpected '<' character in element (missing closing '>'?)",
  cdataMissingBracket: "Unexpected character '<' (code 60)excepted '[' after '<![CDATA'",
  cdataDirective: (word: string) => `Unrecognized XML directive '${word}'; expected 'CDATA'.`,
  piTargetEnd: (code: number) =>
    `Unexpected character ${describeChar(code)}excepted either space or "?>" after PI target`,
  expectedEquals: (code: number) => `Unexpected character ${describeChar(code)} expected '='`,
  expectedQuote: (code: number) =>
    `Unexpected character ${describeChar(code)} in start tag Expected a quote`,
  ltInAttribute: "Unexpected character '<' (code 60) in attribute value",
  duplicateAttribute: (name: string) => `Duplicate attribute '${name}'.`,
  undeclaredPrefix: (prefix: string) => `Undeclared namespace prefix "${prefix}"`,
  undeclaredAttributePrefix: (prefix: string, local: string) =>
    `Undeclared namespace prefix "${prefix}" (for attribute "${local}")`,
  emptyNamespace:
    'Non-default namespace can not map to empty URI (as per Namespace 1.0 # 2) in XML 1.0 documents',
  multipleRoots: 'Illegal to have multiple roots (start tag in epilog?).',
  // Woodstox's default limit (WstxInputProperties.P_MAX_ELEMENT_DEPTH); Confluence keeps it.
  maxElementDepth: 'Maximum Element Depth limit (1000) Exceeded',
};
