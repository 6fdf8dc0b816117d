import { CSS_NAMED_COLOURS } from './css-colours';

/**
 * Inline styles in the preview are computed, never copied: a storage `style` attribute is read
 * declaration by declaration and only allowlisted properties with validated values survive.
 * That keeps `url(…)`, `expression(…)`, `position: fixed` overlays and friends out.
 */

export type StyleProperty =
  | 'text-align'
  | 'vertical-align'
  | 'color'
  | 'background-color'
  | 'text-decoration'
  | 'font-weight'
  | 'font-style'
  | 'width'
  | 'margin-left'
  | 'padding-left';

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/;
const FUNCTIONAL_COLOUR =
  /^(?:rgba?|hsla?)\(\s*-?[\d.]+(?:%|deg)?\s*(?:[,\s]\s*-?[\d.]+%?\s*){2}(?:[,/]\s*[\d.]+%?\s*)?\)$/;
/** Atlassian design tokens Cloud writes for panel colours; PREVIEW_CSS defines the common ones. */
const DESIGN_TOKEN = /^var\(--ds-[a-z0-9-]{1,60}\)$/;
const LENGTH = /^\d{1,5}(?:\.\d{1,4})?(?:px|%|em|rem)$/;

const KEYWORDS: Partial<Record<StyleProperty, ReadonlySet<string>>> = {
  'text-align': new Set(['left', 'right', 'center', 'justify', 'start', 'end']),
  'vertical-align': new Set(['top', 'middle', 'bottom', 'baseline']),
  'text-decoration': new Set([
    'none',
    'underline',
    'line-through',
    'underline line-through',
    'line-through underline',
  ]),
  'font-weight': new Set(['normal', 'bold', 'bolder', 'lighter', '400', '500', '600', '700']),
  'font-style': new Set(['normal', 'italic', 'oblique']),
};

/** A validated CSS colour (hex, rgb/hsl functions, named), normalised to lower case; else null. */
export function safeColour(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim().toLowerCase();
  if (value.length === 0 || value.length > 64) return null;
  if (CSS_NAMED_COLOURS.has(value)) return value;
  if (HEX_COLOUR.test(value)) return value;
  // Confluence and converters also write bare hex without `#`.
  if (HEX_COLOUR.test('#' + value)) return '#' + value;
  return FUNCTIONAL_COLOUR.test(value) || DESIGN_TOKEN.test(value) ? value : null;
}

/** A validated CSS length in px, %, em or rem (a bare number counts as px); else null. */
export function safeLength(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const value = raw.trim().toLowerCase();
  if (LENGTH.test(value)) return value;
  if (LENGTH.test(value + 'px')) return value + 'px';
  return null;
}

function safeValue(property: StyleProperty, value: string): string | null {
  switch (property) {
    case 'color':
    case 'background-color':
      return safeColour(value);
    case 'width':
    case 'margin-left':
    case 'padding-left':
      return safeLength(value);
    default: {
      const normalised = value.toLowerCase().replace(/\s+/g, ' ');
      return KEYWORDS[property]?.has(normalised) ? normalised : null;
    }
  }
}

/**
 * Reads a storage `style` attribute and returns the declarations allowed by `allowed`, as a
 * ready-to-emit string (`"text-align: center; color: #f00"`), or '' when nothing survives.
 */
export function filterStyle(raw: string | undefined, allowed: ReadonlySet<StyleProperty>): string {
  if (raw === undefined || raw.length === 0) return '';
  const kept: string[] = [];
  for (const declaration of raw.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    let property = declaration.slice(0, colon).trim().toLowerCase();
    let value = declaration.slice(colon + 1).trim();
    if (value.toLowerCase().endsWith('!important')) value = value.slice(0, -10).trim();
    // `background: #fff` is the colour-only shorthand Confluence bodies use for highlights.
    if (property === 'background') property = 'background-color';
    if (property === 'text-decoration-line') property = 'text-decoration';
    if (!allowed.has(property as StyleProperty)) continue;
    const safe = safeValue(property as StyleProperty, value);
    if (safe !== null) kept.push(`${property}: ${safe}`);
  }
  return kept.join('; ');
}

/** Joins computed declarations, skipping empty ones. */
export function joinStyles(...declarations: Array<string | null | undefined | false>): string {
  let out = '';
  for (const declaration of declarations) {
    if (!declaration) continue;
    out = out === '' ? declaration : `${out}; ${declaration}`;
  }
  return out;
}
