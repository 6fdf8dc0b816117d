/**
 * Checks of one macro's `<ac:parameter>`s against its catalogue entry: unknown names, values an
 * enum/boolean/number parameter cannot take, whitespace that becomes part of the value, and
 * required parameters that are missing.
 */
import * as macroCatalogueModule from './macro-catalogue';
import type { MacroParameterSpec, MacroSpec } from './macro-catalogue';
import * as semanticChecksContextModule from './semantic-checks-context';
import type { SemanticReport } from './semantic-checks-context';
import { closestName } from './semantic-checks-suggest';
import type { ElementNode } from './types';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { findMacroParameter } = macroCatalogueModule;
const { attributeNamed, directText, edgeWhitespace, quoteValue } = semanticChecksContextModule;

/**
 * Types whose value Confluence compares, parses or looks up as a whole, so any surrounding
 * whitespace breaks it. Free text (titles, JQL), CSS and URLs only suffer from the line breaks
 * and indentation a pretty-printer adds: stray spaces there are common in real exports and
 * harmless (browsers trim URLs, CSS ignores them).
 */
const WHOLE_VALUE_TYPES: ReadonlySet<MacroParameterSpec['type']> = new Set([
  'enum',
  'boolean',
  'number',
  'page',
  'space',
  'user',
  'attachment',
  'date',
]);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** How a parameter is named in messages; the unnamed one has no name to quote. */
export function parameterLabel(name: string): string {
  return name === '' ? 'the unnamed (default) parameter' : `parameter \`${name}\``;
}

/** `ac:default-parameter` (old bodies) is the unnamed parameter written another way. */
export function parameterName(parameter: ElementNode): string {
  if (parameter.name === 'ac:default-parameter') return '';
  return attributeNamed(parameter, 'ac:name')?.value ?? '';
}

/** What the caller needs to know about a parameter once it is checked. */
export interface CheckedParameter {
  /** Storage name; `''` for the unnamed parameter. */
  name: string;
  /** Its text value (empty when the value is markup). */
  text: string;
  /** Set to something: non-blank text, or markup such as `<ri:page/>`. */
  hasValue: boolean;
}

/**
 * Checks one parameter element of a macro. `spec` is undefined for macros the catalogue does
 * not know: then only whitespace that is certainly damage (line breaks) is reported.
 */
export function checkParameter(
  parameter: ElementNode,
  macroName: string,
  spec: MacroSpec | undefined,
  report: SemanticReport,
): CheckedParameter {
  const name = parameterName(parameter);
  const parameterSpec = spec === undefined ? undefined : findMacroParameter(spec, name);
  if (spec !== undefined && parameterSpec === undefined && name !== '') {
    if (!spec.allowsUnknownParameters) reportUnknownParameter(parameter, name, spec, report);
  }
  const { text, hasMarkup } = directText(parameter);
  // Markup values (<ri:page/>, <ac:link>) are read as elements; whitespace around them is inert.
  if (hasMarkup) return { name, text: '', hasValue: true };
  const edges = edgeWhitespace(text);
  const strict = parameterSpec !== undefined && WHOLE_VALUE_TYPES.has(parameterSpec.type);
  if ((edges.leading || edges.trailing) && (strict || edges.lineBreak)) {
    const where =
      edges.leading && edges.trailing ? 'starts and ends' : edges.leading ? 'starts' : 'ends';
    const what = edges.lineBreak ? 'a line break or indentation' : 'whitespace';
    report.add(
      'warning',
      'whitespace_in_parameter',
      `The value of ${parameterLabel(name)} of the ${macroName} macro ${where} with ${what}. ` +
        `Confluence keeps whitespace inside <ac:parameter> as part of the value, so the macro ` +
        `reads ${quoteValue(text)} instead of ${quoteValue(text.trim())}. ` +
        'Remove the whitespace inside the element.',
      parameter.span,
    );
  }
  const value = edges.leading || edges.trailing ? text.trim() : text;
  if (parameterSpec !== undefined) {
    checkValue(parameter, name, value, parameterSpec, macroName, report);
  }
  return { name, text, hasValue: value !== '' };
}

function reportUnknownParameter(
  parameter: ElementNode,
  name: string,
  spec: MacroSpec,
  report: SemanticReport,
): void {
  const suggestion = closestName(
    name,
    spec.parameters.map((candidate) => candidate.name),
  );
  report.add(
    'warning',
    'unknown_macro_parameter',
    `The ${spec.name} macro has no parameter \`${name}\`: Confluence keeps it but ignores it.` +
      (suggestion === undefined
        ? ' Remove it or check the spelling.'
        : ` Did you mean \`${suggestion}\`?`),
    parameter.span,
  );
}

function checkValue(
  parameter: ElementNode,
  name: string,
  value: string,
  spec: MacroParameterSpec,
  macroName: string,
  report: SemanticReport,
): void {
  // An empty value reads as "not set": Confluence falls back to the default.
  if (value === '') return;
  let expected: string | undefined;
  if (spec.type === 'boolean') {
    const lower = value.toLowerCase();
    if (lower !== 'true' && lower !== 'false') expected = '`true` or `false`';
  } else if (spec.type === 'number') {
    if (!NUMBER.test(value)) expected = 'a number';
  } else if (spec.type === 'enum' && spec.values !== undefined && spec.openValues !== true) {
    if (!lowerCaseValues(spec).has(value.toLowerCase())) {
      expected = `one of ${spec.values.map((allowed) => `\`${allowed}\``).join(', ')}`;
    }
  }
  if (expected === undefined) return;
  const fallback = spec.default === undefined ? '' : ` (the default is \`${spec.default}\`)`;
  report.add(
    'warning',
    'invalid_macro_parameter_value',
    `${capitalise(parameterLabel(name))} of the ${macroName} macro is ${quoteValue(value)}, ` +
      `which it does not understand, so the setting has no effect${fallback}. Use ${expected}.`,
    parameter.span,
  );
}

const lowerCaseValueSets = new WeakMap<MacroParameterSpec, ReadonlySet<string>>();

/** An enum's values in lower case, built once per parameter spec (checked for every use). */
function lowerCaseValues(spec: MacroParameterSpec): ReadonlySet<string> {
  let values = lowerCaseValueSets.get(spec);
  if (values === undefined) {
    values = new Set((spec.values ?? []).map((allowed) => allowed.toLowerCase()));
    lowerCaseValueSets.set(spec, values);
  }
  return values;
}

const requiredParameterLists = new WeakMap<MacroSpec, readonly MacroParameterSpec[]>();

/** The spec's required parameters, listed once per macro spec. */
function requiredParameters(spec: MacroSpec): readonly MacroParameterSpec[] {
  let required = requiredParameterLists.get(spec);
  if (required === undefined) {
    required = spec.parameters.filter((parameter) => parameter.required === true);
    requiredParameterLists.set(spec, required);
  }
  return required;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Required parameters of `spec` that none of `present` (storage names) provides. */
export function missingRequiredParameters(
  spec: MacroSpec,
  present: ReadonlySet<string>,
): MacroParameterSpec[] {
  const required = requiredParameters(spec);
  if (required.length === 0) return [];
  return required.filter(
    (parameter) =>
      !present.has(parameter.name) &&
      !(parameter.aliases ?? []).some((alias) => present.has(alias)),
  );
}
