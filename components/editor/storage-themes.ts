import type { editor } from 'monaco-editor';

import { TOKENS } from './storage-monarch';

/** Monaco theme names registered by the editor; both inherit Monaco's own `vs` / `vs-dark`. */
export const STORAGE_THEMES = { light: 'pagewright-light', dark: 'pagewright-dark' } as const;

function rules(palette: Record<keyof typeof TOKENS, string>): editor.ITokenThemeRule[] {
  return (Object.keys(TOKENS) as (keyof typeof TOKENS)[]).map((key) => ({
    token: `${TOKENS[key]}.storage`,
    foreground: palette[key],
    fontStyle: key === 'macroName' || key === 'parameterName' ? 'bold' : undefined,
  }));
}

/** Light theme: colours chosen for ≥ 4.5:1 contrast on white. */
export const LIGHT_THEME: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: rules({
    tag: '800000',
    tagAc: '0b5cad',
    tagRi: '6a3fb5',
    attribute: 'b5200d',
    attributeAc: '0f6e6e',
    attributeRi: '7a4a00',
    value: '0451a5',
    macroName: 'a31515',
    parameterName: '8a3b00',
    delimiter: '5a5a5a',
    comment: '3d7a3d',
    cdata: '44546a',
    cdataDelimiter: '7a7a7a',
    entity: '9c2790',
    invalid: 'cd3131',
  }),
  colors: {},
};

/** Dark theme: colours chosen for ≥ 4.5:1 contrast on Monaco's `vs-dark` background. */
export const DARK_THEME: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: rules({
    tag: '569cd6',
    tagAc: '4fc1ff',
    tagRi: 'c586c0',
    attribute: '9cdcfe',
    attributeAc: '4ec9b0',
    attributeRi: 'dcdcaa',
    value: 'ce9178',
    macroName: 'ffd76a',
    parameterName: 'f0b27a',
    delimiter: '9a9a9a',
    comment: '6a9955',
    cdata: 'b5cea8',
    cdataDelimiter: '9a9a9a',
    entity: 'd7ba7d',
    invalid: 'f48771',
  }),
  colors: {},
};
