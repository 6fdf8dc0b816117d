import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

import { type CatalogueMacro, macroByName } from './catalogue-types';
import {
  choiceText,
  macroDocumentation,
  macroSnippet,
  parameterDocumentation,
  snippetText,
} from './macro-docs';
import {
  isInCommentOrCData,
  openElementsAt,
  type OpenElement,
  type ScannedAttribute,
  type ScannedTag,
  tagAt,
} from './tag-scanner';
import {
  AC_ELEMENTS,
  ATTRIBUTE_VALUES,
  ATTRIBUTES,
  type ElementEntry,
  RESOURCE_ELEMENTS,
  XHTML_ELEMENTS,
} from './vocabulary';

export type SuggestionKind =
  'macro' | 'parameter' | 'element' | 'resource' | 'attribute' | 'value' | 'entity' | 'close-tag';

/** One completion, editor-agnostic: `[start, end)` is the text it replaces (UTF-16 offsets). */
export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** True when `insertText` uses snippet syntax (`$1`, `${1:x}`, `$0`). */
  snippet: boolean;
  /** What the typed text is matched against (defaults to the label). */
  filterText?: string;
  sortText?: string;
  start: number;
  end: number;
}

const MACRO_ELEMENTS = new Set(['ac:structured-macro', 'ac:macro']);
const PARAMETER_ELEMENTS = new Set(['ac:parameter', 'ac:default-parameter']);

/** Characters that should open the suggestion list in a storage editor. */
export const TRIGGER_CHARACTERS = ['<', '/', ' ', '"', '&', ':'];

function innermostMacro(open: readonly OpenElement[]): OpenElement | undefined {
  for (let i = open.length - 1; i >= 0; i -= 1) {
    const element = open[i];
    if (element && MACRO_ELEMENTS.has(element.name)) return element;
  }
  return undefined;
}

function elementSuggestion(
  entry: ElementEntry,
  kind: SuggestionKind,
  start: number,
  end: number,
): Suggestion {
  return {
    label: entry.name,
    kind,
    detail: entry.detail,
    insertText: `<${entry.snippet}`,
    snippet: true,
    filterText: `<${entry.name}`,
    sortText: `${kind === 'resource' || kind === 'element' ? '3' : '2'}${entry.name}`,
    start,
    end,
  };
}

/** After `<` (start of a new tag): macros, parameters of the enclosing macro, and elements. */
function tagNameSuggestions(
  text: string,
  tag: ScannedTag,
  offset: number,
  catalogue: readonly CatalogueMacro[],
): Suggestion[] {
  const start = tag.start;
  const open = openElementsAt(text, tag.start);
  const parent = open[open.length - 1];
  const suggestions: Suggestion[] = [];
  if (parent && MACRO_ELEMENTS.has(parent.name)) {
    const macro = macroByName(catalogue, parent.attributes['ac:name']);
    const present = new Set(parameterNamesIn(text, parent, tag.start));
    for (const parameter of macro?.parameters ?? []) {
      if (parameter.name === '' || present.has(parameter.name)) continue;
      const value = parameter.values?.length
        ? `\${1|${parameter.values.map(choiceText).join(',')}|}`
        : `\${1:${snippetText(parameter.default ?? '')}}`;
      suggestions.push({
        label: parameter.name,
        kind: 'parameter',
        detail: `${macro?.title ?? ''} parameter${parameter.required ? ' (required)' : ''}`,
        documentation: macro ? parameterDocumentation(macro, parameter) : undefined,
        insertText: `<ac:parameter ac:name="${parameter.name}">${value}</ac:parameter>$0`,
        snippet: true,
        filterText: `<${parameter.name}`,
        sortText: `0${parameter.required ? '0' : '1'}${parameter.name}`,
        start,
        end: offset,
      });
    }
  }
  for (const macro of catalogue) {
    suggestions.push({
      label: macro.name,
      kind: 'macro',
      detail: `${macro.title} macro`,
      documentation: macroDocumentation(macro),
      insertText: macroSnippet(macro),
      snippet: true,
      filterText: `<${macro.name}`,
      sortText: `1${macro.name}`,
      start,
      end: offset,
    });
  }
  for (const entry of AC_ELEMENTS)
    suggestions.push(elementSuggestion(entry, 'element', start, offset));
  for (const entry of RESOURCE_ELEMENTS)
    suggestions.push(elementSuggestion(entry, 'resource', start, offset));
  for (const entry of XHTML_ELEMENTS)
    suggestions.push(elementSuggestion(entry, 'element', start, offset));
  return suggestions;
}

/** `ac:name` values of the `ac:parameter`s already written directly inside `macro`. */
function parameterNamesIn(text: string, macro: OpenElement, limit: number): string[] {
  const inside = text.slice(macro.end, limit);
  return Array.from(inside.matchAll(/<ac:parameter\s+ac:name\s*=\s*"([^"]*)"/g), (m) => m[1] ?? '');
}

/** Inside `<…` after the name: attribute names for this element that are not there yet. */
function attributeNameSuggestions(tag: ScannedTag, text: string, offset: number): Suggestion[] {
  let start = offset;
  while (start > tag.nameEnd && /[\w:.-]/.test(text[start - 1] ?? '')) start -= 1;
  const names = ATTRIBUTES[tag.name] ?? (tag.name.includes(':') ? [] : (ATTRIBUTES['*'] ?? []));
  const present = new Set(tag.attributes.filter((a) => a.nameStart !== start).map((a) => a.name));
  return names
    .filter((name) => !present.has(name))
    .map((name) => ({
      label: name,
      kind: 'attribute' as const,
      insertText: `${name}="$1"`,
      snippet: true,
      start,
      end: offset,
    }));
}

function valueSuggestions(
  values: readonly string[],
  start: number,
  end: number,
  detail?: string,
  documentation?: (value: string) => string | undefined,
): Suggestion[] {
  return values.map((value) => ({
    label: value,
    kind: 'value' as const,
    detail,
    documentation: documentation?.(value),
    insertText: value,
    snippet: false,
    start,
    end,
  }));
}

/** Inside an attribute's quotes: macro names, parameter names, or a fixed value set. */
function attributeValueSuggestions(
  text: string,
  tag: ScannedTag,
  offset: number,
  catalogue: readonly CatalogueMacro[],
): Suggestion[] | null {
  const attribute = valueAttributeAt(tag, offset);
  if (!attribute) return null;
  const items = valueSuggestionsFor(text, tag, attribute, catalogue);
  if (attribute.closed) return items;
  // The quote was never closed (the next `<` came first): accepting a value closes it, and the
  // tag too when nothing else does, so `ac:name="ic` before `</…>` becomes `ac:name="icon">`.
  const quote = text[attribute.valueStart - 1] ?? '"';
  const ending = tag.end === -1 && text[attribute.valueEnd] !== '>' ? `${quote}>` : quote;
  return items.map((item) => ({ ...item, insertText: `${item.insertText}${ending}` }));
}

function valueAttributeAt(tag: ScannedTag, offset: number): ScannedAttribute | undefined {
  return tag.attributes.find(
    (a) =>
      a.valueStart <= offset && offset <= a.valueEnd && a.valueStart > a.nameStart + a.name.length,
  );
}

function valueSuggestionsFor(
  text: string,
  tag: ScannedTag,
  attribute: ScannedAttribute,
  catalogue: readonly CatalogueMacro[],
): Suggestion[] {
  const { valueStart: start, valueEnd: end } = attribute;
  if (attribute.name === 'ac:name' && MACRO_ELEMENTS.has(tag.name)) {
    return catalogue.map((macro) => ({
      label: macro.name,
      kind: 'macro' as const,
      detail: `${macro.title} macro`,
      documentation: macroDocumentation(macro),
      insertText: macro.name,
      snippet: false,
      start,
      end,
    }));
  }
  if (attribute.name === 'ac:name' && PARAMETER_ELEMENTS.has(tag.name)) {
    const open = openElementsAt(text, tag.start);
    const macroElement = innermostMacro(open);
    const macro = macroByName(catalogue, macroElement?.attributes['ac:name']);
    if (!macro) return [];
    return macro.parameters
      .filter((parameter) => parameter.name !== '')
      .map((parameter) => ({
        label: parameter.name,
        kind: 'parameter' as const,
        detail: `${macro.title} parameter${parameter.required ? ' (required)' : ''}`,
        documentation: parameterDocumentation(macro, parameter),
        insertText: parameter.name,
        snippet: false,
        sortText: `${parameter.required ? '0' : '1'}${parameter.name}`,
        start,
        end,
      }));
  }
  const fixed = ATTRIBUTE_VALUES[attribute.name];
  return fixed ? valueSuggestions(fixed, start, end) : [];
}

/** Text inside `<ac:parameter ac:name="x">…`: the parameter's allowed values. */
function parameterValueSuggestions(
  text: string,
  offset: number,
  open: readonly OpenElement[],
  catalogue: readonly CatalogueMacro[],
): Suggestion[] {
  const element = open[open.length - 1];
  if (!element || !PARAMETER_ELEMENTS.has(element.name)) return [];
  const between = text.slice(element.end, offset);
  if (between.includes('<')) return [];
  const macro = macroByName(catalogue, innermostMacro(open.slice(0, -1))?.attributes['ac:name']);
  const parameter = macro?.parameters.find((p) => p.name === element.attributes['ac:name']);
  if (!macro || !parameter) return [];
  const values = parameter.values?.length
    ? parameter.values
    : parameter.type === 'boolean'
      ? ['true', 'false']
      : [];
  // Replace the whole current value, also the part after the cursor.
  const closeAt = text.indexOf('<', offset);
  const end = closeAt === -1 ? offset : closeAt;
  return valueSuggestions(values, element.end, end, `${parameter.name} (${macro.title})`, () =>
    parameterDocumentation(macro, parameter),
  );
}

/** After `&name`: entity names Confluence accepts, with the character they stand for. */
function entitySuggestions(text: string, offset: number): Suggestion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /&([A-Za-z][\w]*)?$/.exec(text.slice(lineStart, offset));
  if (!match) return [];
  const start = lineStart + match.index;
  return Array.from(XHTML_ENTITIES, ([name, value]) => ({
    label: `&${name};`,
    kind: 'entity' as const,
    detail: `${value.trim() === '' ? '(space)' : value}  U+${(value.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    insertText: `&${name};`,
    snippet: false,
    filterText: `&${name}`,
    start,
    end: offset,
  }));
}

/**
 * Completions at `offset` in `text`: macro snippets and elements after `<`, the matching end tag
 * after `</`, attribute names and values inside a start tag (macro names in `ac:name`, parameter
 * names of the enclosing macro), parameter values inside `<ac:parameter>`, and entities after `&`.
 * Nothing inside comments and CDATA.
 */
export function completionsAt(
  text: string,
  offset: number,
  catalogue: readonly CatalogueMacro[],
): Suggestion[] {
  const suggestions = completionsOutsideComments(text, offset, catalogue);
  // Asked last: whether a comment or CDATA section is open may mean a scan back to the start of
  // the page, and typing in text (most keys) has nothing to offer anyway.
  return suggestions.length > 0 && isInCommentOrCData(text, offset) ? [] : suggestions;
}

/** completionsAt, as if `offset` were not inside a comment or CDATA section. */
function completionsOutsideComments(
  text: string,
  offset: number,
  catalogue: readonly CatalogueMacro[],
): Suggestion[] {
  const tag = tagAt(text, offset);
  if (tag) {
    if (offset <= tag.nameEnd) {
      if (tag.closing) {
        const open = openElementsAt(text, tag.start);
        const innermost = open[open.length - 1];
        if (!innermost) return [];
        const end = tag.end === -1 ? offset : tag.end;
        return [
          {
            label: `</${innermost.name}>`,
            kind: 'close-tag',
            insertText: `</${innermost.name}>`,
            snippet: false,
            filterText: `</${innermost.name}`,
            start: tag.start,
            end,
          },
        ];
      }
      // Renaming an existing, finished tag: offer plain names, not whole snippets.
      if (tag.end !== -1 || tag.attributes.length > 0) {
        const names = [...AC_ELEMENTS, ...RESOURCE_ELEMENTS, ...XHTML_ELEMENTS].map((e) => e.name);
        return valueSuggestions(names, tag.nameStart, tag.nameEnd).map((s) => ({
          ...s,
          kind: 'element',
        }));
      }
      return tagNameSuggestions(text, tag, offset, catalogue);
    }
    if (tag.closing) return [];
    return (
      attributeValueSuggestions(text, tag, offset, catalogue) ??
      attributeNameSuggestions(tag, text, offset)
    );
  }
  const entities = entitySuggestions(text, offset);
  if (entities.length > 0) return entities;
  if (!mayBeParameterValue(text, offset)) return [];
  return parameterValueSuggestions(text, offset, openElementsAt(text, offset), catalogue);
}

/**
 * False where `offset` cannot be in a parameter's value, found without the scan from the start of
 * the text that the open elements need (half a megabyte per key, mid-page, on a 1 MB page). A
 * value holds no `<`, and neither do attribute values in well-formed storage format (XML), so the
 * last `<` before the cursor starts the parameter's own start tag.
 */
function mayBeParameterValue(text: string, offset: number): boolean {
  const lt = text.lastIndexOf('<', offset - 1);
  if (lt === -1) return false;
  for (const name of PARAMETER_ELEMENTS) {
    if (text.startsWith(name, lt + 1)) return true;
  }
  return false;
}
