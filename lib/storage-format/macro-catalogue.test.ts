import { describe, expect, it } from 'vitest';

import {
  catalogueNames,
  findMacro,
  findMacroParameter,
  MACRO_CATALOGUE,
  type MacroSpec,
} from './macro-catalogue';
import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import type { StorageNode } from './types';

/**
 * Macros in the valid corpus that are deliberately NOT catalogued: test fixtures' made-up names
 * and app macros whose provider and parameters we could not establish. A page using them gets
 * an `unknown_macro` warning, which is the honest answer.
 */
const DELIBERATELY_UNKNOWN = [
  'alert', // an app's alert box (type=Success/Info/…), provider unknown
  'block', // XWiki parser fixture
  'cite-summary', // an app macro, provider unknown
  'hypothetical-scroll-imagemap', // named "hypothetical" by the fixture itself
  'macroWithUserParams', // XWiki fixture
  'paste-code-macro', // an app's code block, provider unknown
  'random-macro', // XWiki fixture
  'unit', // an app's unit formula, provider unknown
];

function macroNamesIn(nodes: readonly StorageNode[], names: Set<string>): Set<string> {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.name === 'ac:structured-macro' || node.name === 'ac:macro') {
      const name = node.attributes.find((attribute) => attribute.name === 'ac:name')?.value;
      if (name !== undefined) names.add(name);
    }
    macroNamesIn(node.children, names);
  }
  return names;
}

function corpusMacroNames(): Set<string> {
  const names = new Set<string>();
  for (const { body } of readCorpus('valid'))
    macroNamesIn(parseStorage(body).document.children, names);
  return names;
}

describe('MACRO_CATALOGUE', () => {
  it('covers every macro the brief and docs/storage-format.md §5 name', () => {
    const required = [
      'info',
      'tip',
      'note',
      'warning',
      'panel',
      'code',
      'noformat',
      'expand',
      'toc',
      'status',
      'jira',
      'jiraissues',
      'children',
      'excerpt',
      'excerpt-include',
      'include',
      'anchor',
      'details',
      'detailssummary',
      'view-file',
      'viewxls',
      'viewpdf',
      'pagetree',
      'recently-updated',
      'blog-posts',
      'widget',
      'gallery',
      'attachments',
      'contentbylabel',
      'livesearch',
      'profile',
      'column',
      'section',
      'html',
      'plantuml',
      'mathblock',
      'mathinline',
      'roadmap',
      'ui-steps',
      'ui-step',
      'multimedia',
      'toc-zone',
      'tasks-report-macro',
      'chart',
      'sv-translation',
    ];
    expect(required.filter((name) => findMacro(name) === undefined)).toEqual([]);
  });

  it('catalogues every macro of the valid corpus, except the deliberately unknown ones', () => {
    const names = corpusMacroNames();
    const uncatalogued = [...names].filter((name) => findMacro(name) === undefined).sort();
    expect(uncatalogued).toEqual([...DELIBERATELY_UNKNOWN].sort());
  });

  it('has unique names and aliases', () => {
    const all = MACRO_CATALOGUE.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    expect([...catalogueNames()].sort()).toEqual([...all].sort());
  });

  it('resolves aliases to their macro in O(1) lookups', () => {
    expect(findMacro('jiraissues')?.name).toBe('jira');
    expect(findMacro('jira')).toBe(findMacro('jiraissues'));
    expect(findMacro('info')?.title).toBe('Info');
    expect(findMacro('Info')).toBeUndefined();
    expect(findMacro('no-such-macro')).toBeUndefined();
  });

  it.each(MACRO_CATALOGUE.map((spec) => [spec.name, spec] as const))(
    '%s: well-formed entry',
    (_name, spec: MacroSpec) => {
      expect(spec.title.length).toBeGreaterThan(0);
      expect(spec.description.length).toBeGreaterThan(10);
      const parameterNames = spec.parameters.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
      expect(new Set(parameterNames).size).toBe(parameterNames.length);
      for (const parameter of spec.parameters) {
        expect(parameter.description.length).toBeGreaterThan(0);
        if (parameter.type === 'enum') expect(parameter.values?.length).toBeGreaterThan(0);
        else expect(parameter.values).toBeUndefined();
        if (parameter.type === 'enum' && parameter.default !== undefined) {
          expect(parameter.values).toContain(parameter.default);
        }
        if (parameter.type === 'boolean' && parameter.default !== undefined) {
          expect(['true', 'false']).toContain(parameter.default);
        }
        if (parameter.type === 'number' && parameter.default !== undefined) {
          expect(Number.isFinite(Number(parameter.default))).toBe(true);
        }
      }
    },
  );

  it('keeps the documented parameters and defaults of docs/storage-format.md §5', () => {
    const code = findMacro('code');
    expect(code?.body).toBe('plain');
    expect(code && findMacroParameter(code, 'linenumbers')?.default).toBe('false');
    expect(code && findMacroParameter(code, 'firstline')?.default).toBe('1');
    // The unnamed parameter of old code macros is the language.
    expect(code && findMacroParameter(code, '')?.name).toBe('language');
    const status = findMacro('status');
    expect(status?.inline).toBe(true);
    expect(status && findMacroParameter(status, 'colour')?.values).toEqual([
      'Grey',
      'Red',
      'Yellow',
      'Green',
      'Blue',
      'Purple',
    ]);
    expect(findMacro('expand')?.parameters[0]?.default).toBe('Click here to expand...');
    expect(findMacro('anchor')?.parameters[0]).toMatchObject({ name: '', required: true });
    expect(findMacro('info')?.body).toBe('rich');
    expect(findMacro('toc')?.body).toBe('none');
  });

  it('knows the parameters Confluence may add to any macro', () => {
    const info = findMacro('info');
    expect(info && findMacroParameter(info, 'atlassian-macro-output-type')?.values).toEqual([
      'BLOCK',
      'INLINE',
    ]);
    expect(info && findMacroParameter(info, 'titel')).toBeUndefined();
  });

  it('marks inline exactly the macros that sit inside a line of text', () => {
    const inline = MACRO_CATALOGUE.filter((spec) => spec.inline).map((spec) => spec.name);
    expect(inline).toEqual(expect.arrayContaining(['status', 'anchor', 'jira', 'mathinline']));
    expect(inline).not.toEqual(expect.arrayContaining(['code']));
    for (const block of ['code', 'info', 'expand', 'panel', 'toc', 'noformat']) {
      expect(findMacro(block)?.inline).toBe(false);
    }
  });
});
