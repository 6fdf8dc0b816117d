import type { languages } from 'monaco-editor';

/** Monaco language id of Confluence storage format. */
export const STORAGE_LANGUAGE_ID = 'storage';

/**
 * Token names, shared with the themes in storage-themes.ts. Confluence's own vocabulary (`ac:`
 * elements, `ri:` resources, macro and parameter names) gets tokens of its own so it stands out
 * from plain XHTML.
 */
export const TOKENS = {
  tag: 'tag',
  tagAc: 'tag.ac',
  tagRi: 'tag.ri',
  attribute: 'attribute.name',
  attributeAc: 'attribute.name.ac',
  attributeRi: 'attribute.name.ri',
  value: 'attribute.value',
  macroName: 'macro.name',
  parameterName: 'parameter.name',
  delimiter: 'delimiter',
  comment: 'comment',
  cdata: 'string.cdata',
  cdataDelimiter: 'delimiter.cdata',
  entity: 'entity',
  invalid: 'invalid',
} as const;

const NAME = /[\w.-]+(?::[\w.-]+)?/;

/** Attribute rules shared by every tag state; `ac:name` is handled before these where it matters. */
const ATTRIBUTE_RULES: languages.IMonarchLanguageRule[] = [
  [/\s+/, ''],
  [/(ac:[\w.-]+)(\s*=\s*)("[^"]*"|'[^']*')/, [TOKENS.attributeAc, TOKENS.delimiter, TOKENS.value]],
  [/(ri:[\w.-]+)(\s*=\s*)("[^"]*"|'[^']*')/, [TOKENS.attributeRi, TOKENS.delimiter, TOKENS.value]],
  [/([\w.:-]+)(\s*=\s*)("[^"]*"|'[^']*')/, [TOKENS.attribute, TOKENS.delimiter, TOKENS.value]],
  // Half-typed or malformed attributes still colour as names/values.
  [/ac:[\w.-]+/, TOKENS.attributeAc],
  [/ri:[\w.-]+/, TOKENS.attributeRi],
  [/[\w.:-]+/, TOKENS.attribute],
  [/=/, TOKENS.delimiter],
  [/"[^"]*"?|'[^']*'?/, TOKENS.value],
  [/\/?>/, TOKENS.delimiter, '@pop'],
  // A `<` inside a start tag: the tag was left unfinished and a new one begins.
  [/(?=<)/, { token: '', next: '@pop' }],
];

/** `ac:name="…"` whose value gets `token` (a macro or parameter name). */
function namedValueRule(token: string): languages.IMonarchLanguageRule {
  return [
    /(ac:name)(\s*=\s*)(")([^"]*)(")/,
    [TOKENS.attributeAc, TOKENS.delimiter, TOKENS.value, token, TOKENS.value],
  ];
}

/**
 * Monarch grammar: XML tuned for storage format. States: `root` (content), `tag*` (inside a start
 * tag; the macro and parameter variants colour their `ac:name` value), `comment`, `cdata`.
 */
export const STORAGE_MONARCH: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.storage',
  ignoreCase: false,
  tokenizer: {
    root: [
      [/<!--/, TOKENS.comment, '@comment'],
      [/<!\[CDATA\[/, TOKENS.cdataDelimiter, '@cdata'],
      [/<![^>]*>?/, TOKENS.invalid],
      [/<\?[^?]*\?>/, TOKENS.comment],
      [
        /(<)(ac:(?:structured-)?macro)(?=[\s/>])/,
        [TOKENS.delimiter, { token: TOKENS.tagAc, next: '@tagMacro' }],
      ],
      [
        /(<)(ac:(?:parameter|default-parameter))(?=[\s/>])/,
        [TOKENS.delimiter, { token: TOKENS.tagAc, next: '@tagParameter' }],
      ],
      [/(<)(ac:[\w.-]+)/, [TOKENS.delimiter, { token: TOKENS.tagAc, next: '@tag' }]],
      [/(<)(ri:[\w.-]+)/, [TOKENS.delimiter, { token: TOKENS.tagRi, next: '@tag' }]],
      [new RegExp(`(<)(${NAME.source})`), [TOKENS.delimiter, { token: TOKENS.tag, next: '@tag' }]],
      [/(<\/)(ac:[\w.-]+)(\s*)(>)/, [TOKENS.delimiter, TOKENS.tagAc, '', TOKENS.delimiter]],
      [/(<\/)(ri:[\w.-]+)(\s*)(>)/, [TOKENS.delimiter, TOKENS.tagRi, '', TOKENS.delimiter]],
      [
        new RegExp(`(</)(${NAME.source})(\\s*)(>)`),
        [TOKENS.delimiter, TOKENS.tag, '', TOKENS.delimiter],
      ],
      [/&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][\w]*);/, TOKENS.entity],
      [/&/, TOKENS.invalid],
      [/</, TOKENS.delimiter],
      [/[^<&]+/, ''],
    ],
    tag: ATTRIBUTE_RULES,
    tagMacro: [namedValueRule(TOKENS.macroName), ...ATTRIBUTE_RULES],
    tagParameter: [namedValueRule(TOKENS.parameterName), ...ATTRIBUTE_RULES],
    comment: [
      [/-->/, TOKENS.comment, '@pop'],
      [/[^-]+/, TOKENS.comment],
      [/-/, TOKENS.comment],
    ],
    cdata: [
      [/\]\]>/, TOKENS.cdataDelimiter, '@pop'],
      [/[^\]]+/, TOKENS.cdata],
      [/\]/, TOKENS.cdata],
    ],
  },
};

/**
 * Comments, brackets and word pattern. `onEnterRules` and `autoClosingPairs` need Monaco's
 * runtime enums, so the component layer adds them (components/editor/storage-language.ts).
 */
export const STORAGE_LANGUAGE_BASE: languages.LanguageConfiguration = {
  comments: { blockComment: ['<!--', '-->'] },
  brackets: [
    ['<!--', '-->'],
    ['<', '>'],
  ],
  autoClosingPairs: [
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '<!--', close: ' -->', notIn: ['comment', 'string'] },
    { open: '<![CDATA[', close: ']]>', notIn: ['comment', 'string'] },
  ],
  surroundingPairs: [
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '<', close: '>' },
  ],
  // Names with `:` and `-` are one word, so double-click selects `ac:structured-macro`.
  wordPattern: /(-?\d*\.\d\w*)|([^`~!@$^&*()=+[{\]}\\|;'",.<>/?\s]+)/g,
  colorizedBracketPairs: [],
};
