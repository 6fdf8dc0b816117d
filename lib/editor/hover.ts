import { XHTML_ENTITIES } from '@/lib/storage-format/xhtml-entities';

import { type CatalogueMacro, macroByName } from './catalogue-types';
import { macroDocumentation, parameterDocumentation } from './macro-docs';
import { openElementsAt, tagAt } from './tag-scanner';

/** Hover content (Markdown) for `[start, end)` of the text. */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

const MACRO_ELEMENTS = new Set(['ac:structured-macro', 'ac:macro']);
const PARAMETER_ELEMENTS = new Set(['ac:parameter', 'ac:default-parameter']);

/**
 * Documentation for what is under `offset`: a macro (its `ac:structured-macro` tag name or its
 * `ac:name` value), a parameter (the `ac:name` of an `ac:parameter`, looked up in the enclosing
 * macro), or an entity reference (the character it stands for). Null elsewhere.
 */
export function hoverAt(
  text: string,
  offset: number,
  catalogue: readonly CatalogueMacro[],
): HoverInfo | null {
  const tag = tagAt(text, offset);
  if (tag === null || tag.closing) return entityHover(text, offset);
  const nameAttribute = tag.attributes.find((a) => a.name === 'ac:name');
  const onName = offset >= tag.nameStart && offset <= tag.nameEnd;
  const onValue =
    nameAttribute !== undefined &&
    offset >= nameAttribute.valueStart &&
    offset <= nameAttribute.valueEnd;
  if (!onName && !onValue) return null;
  const [start, end] = onValue
    ? [nameAttribute.valueStart, nameAttribute.valueEnd]
    : [tag.nameStart, tag.nameEnd];

  if (MACRO_ELEMENTS.has(tag.name)) {
    const macro = macroByName(catalogue, nameAttribute?.value);
    if (!macro) {
      return nameAttribute
        ? { markdown: `\`${nameAttribute.value}\`: not a macro Pagewright knows.`, start, end }
        : null;
    }
    return { markdown: macroDocumentation(macro), start, end };
  }
  if (PARAMETER_ELEMENTS.has(tag.name) && nameAttribute) {
    const open = openElementsAt(text, tag.start);
    const macroElement = [...open].reverse().find((e) => MACRO_ELEMENTS.has(e.name));
    const macro = macroByName(catalogue, macroElement?.attributes['ac:name']);
    const parameter = macro?.parameters.find((p) => p.name === nameAttribute.value);
    if (!macro || !parameter) return null;
    return { markdown: parameterDocumentation(macro, parameter), start, end };
  }
  return null;
}

function entityHover(text: string, offset: number): HoverInfo | null {
  const from = Math.max(0, offset - 40);
  const window = text.slice(from, offset + 40);
  for (const match of window.matchAll(/&([A-Za-z][\w]*|#\d+|#x[0-9a-fA-F]+);/g)) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const name = match[1] ?? '';
    let value: string | undefined;
    if (name.startsWith('#')) {
      const code = name.startsWith('#x')
        ? Number.parseInt(name.slice(2), 16)
        : Number.parseInt(name.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) return null;
      value = String.fromCodePoint(code);
    } else value = XHTML_ENTITIES.get(name);
    if (value === undefined) {
      return {
        markdown: `\`&${name};\` is not an XHTML entity: Confluence rejects it.`,
        start,
        end,
      };
    }
    const code = (value.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    const shown = value.trim() === '' ? '(whitespace)' : value;
    return { markdown: `\`${match[0]}\` → ${shown} (U+${code})`, start, end };
  }
  return null;
}
