/**
 * The macros Pagewright knows: their storage names, parameters (types, allowed values, defaults),
 * body kind and whether they can sit inside a line of text. One table feeds validation warnings,
 * the formatter (inline vs block), editor completion snippets and hover docs.
 *
 * Confluence itself checks none of this (docs/storage-format.md §1: misspelt names and parameters are
 * accepted and silently do nothing), so the catalogue errs on the side of silence: macros whose
 * parameter list is open-ended or only partly documented set `allowsUnknownParameters`, and
 * values are checked only for enums, booleans and numbers.
 *
 * Not a macro, though it looks like one in Cloud's panel picker: the purple "Note" panel is an
 * `<ac:adf-extension>` with `<ac:adf-node type="panel">` (docs/storage-format.md §5), so it has no entry.
 */
import { APP_MACROS } from './macro-catalogue-data-apps';
import { CORE_MACROS } from './macro-catalogue-data-core';
import { REPORTING_MACROS } from './macro-catalogue-data-reporting';

export type MacroParameterType =
  | 'string'
  | 'boolean'
  | 'number'
  | 'enum'
  | 'colour'
  | 'url'
  | 'page'
  | 'space'
  | 'user'
  | 'attachment'
  | 'date'
  | 'regex'
  | 'css';

export interface MacroParameterSpec {
  /** Storage name (`<ac:parameter ac:name="…">`); `''` is the unnamed default parameter. */
  name: string;
  type: MacroParameterType;
  required?: boolean;
  /** The value Confluence uses when the parameter is absent, as written in storage. */
  default?: string;
  /** Allowed values of an enum (compared case-insensitively), or suggestions when `openValues`. */
  values?: readonly string[];
  /** `values` are common choices, not a closed list (e.g. code languages added by apps). */
  openValues?: boolean;
  /** Other storage names meaning the same parameter, e.g. `''` for the code macro's language. */
  aliases?: readonly string[];
  description: string;
}

export type MacroCategory =
  | 'formatting'
  | 'code'
  | 'navigation'
  | 'content-reuse'
  | 'reporting'
  | 'media'
  | 'diagrams-and-maths'
  | 'external-content'
  | 'people'
  | 'layout';

export interface MacroSpec {
  /** The `ac:name` Confluence writes today. */
  name: string;
  /** Older or alternative `ac:name`s that mean the same macro (e.g. `jiraissues` for `jira`). */
  aliases?: readonly string[];
  title: string;
  /** One or two plain-text sentences for hover docs. */
  description: string;
  category: MacroCategory;
  /** Set when a Marketplace app (not Confluence itself) provides the macro. */
  app?: string;
  /** `rich`: `<ac:rich-text-body>` (XHTML); `plain`: `<ac:plain-text-body>` (CDATA); `none`. */
  body: 'rich' | 'plain' | 'none';
  /** Can it sit inside a paragraph, among text (status lozenge, anchor, one Jira issue …)? */
  inline: boolean;
  parameters: readonly MacroParameterSpec[];
  /** The parameter list is open-ended or only partly known: never warn about unknown names. */
  allowsUnknownParameters?: boolean;
}

/**
 * Parameters Confluence may add to any macro. Kept apart so every entry does not repeat them.
 */
export const UNIVERSAL_MACRO_PARAMETERS: readonly MacroParameterSpec[] = [
  {
    name: 'atlassian-macro-output-type',
    type: 'enum',
    values: ['BLOCK', 'INLINE'],
    description: 'Written by the editor: whether the macro was inserted as a block or inline.',
  },
];

/** Every catalogued macro, in a stable order (core, reporting, app macros). */
export const MACRO_CATALOGUE: readonly MacroSpec[] = [
  ...CORE_MACROS,
  ...REPORTING_MACROS,
  ...APP_MACROS,
];

function indexByName(catalogue: readonly MacroSpec[]): ReadonlyMap<string, MacroSpec> {
  const index = new Map<string, MacroSpec>();
  for (const spec of catalogue) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      if (!index.has(name)) index.set(name, spec);
    }
  }
  return index;
}

const MACROS_BY_NAME = indexByName(MACRO_CATALOGUE);

/**
 * The catalogue entry for a storage macro name or one of its aliases (`jiraissues` → `jira`).
 * Exact, case-sensitive match, as `ac:name` values are written.
 */
export function findMacro(name: string): MacroSpec | undefined {
  return MACROS_BY_NAME.get(name);
}

/** Every name and alias the catalogue answers to (for suggestions and completion). */
export function catalogueNames(): IterableIterator<string> {
  return MACROS_BY_NAME.keys();
}

const UNIVERSAL_BY_NAME = new Map(
  UNIVERSAL_MACRO_PARAMETERS.map((parameter) => [parameter.name, parameter]),
);

/** Per-macro parameter lookup tables, built on first use (validation asks for every parameter). */
const parameterIndexes = new WeakMap<MacroSpec, ReadonlyMap<string, MacroParameterSpec>>();

function parameterIndex(spec: MacroSpec): ReadonlyMap<string, MacroParameterSpec> {
  let index = parameterIndexes.get(spec);
  if (index === undefined) {
    const built = new Map(UNIVERSAL_BY_NAME);
    for (const parameter of spec.parameters) {
      for (const alias of parameter.aliases ?? []) built.set(alias, parameter);
      built.set(parameter.name, parameter);
    }
    parameterIndexes.set(spec, built);
    index = built;
  }
  return index;
}

/**
 * The parameter spec a storage parameter name stands for, through its aliases; universal
 * parameters (e.g. `atlassian-macro-output-type`) included.
 */
export function findMacroParameter(
  spec: MacroSpec,
  parameterName: string,
): MacroParameterSpec | undefined {
  return parameterIndex(spec).get(parameterName);
}
