/**
 * Reads the few inline-style facts worth keeping from pasted HTML. Google Docs expresses bold,
 * italics and so on only as `<span style>`, so those become real elements; colours are kept when
 * they are plain values (never `url()`/`expression()`), and the page-default ones are dropped.
 */
export interface StyleFacts {
  bold: boolean;
  notBold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  sub: boolean;
  sup: boolean;
  color: string | null;
  background: string | null;
  textAlign: string | null;
}

function declarations(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    out.set(property, value);
  }
  return out;
}

const COLOR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%/]+\)|hsla?\([\d\s.,%/deg]+\)|[a-z]{3,20})$/;
// Word, Google Docs and web pages repeat the page's own colours on every run of text; keeping
// them would paint pasted text black on a dark theme.
const DEFAULT_COLORS = new Set(['black', '#000', '#000000', 'rgb(0,0,0)', 'windowtext', 'initial']);
const DEFAULT_BACKGROUNDS = new Set(['white', '#fff', '#ffffff', 'rgb(255,255,255)', 'window']);
const NOT_COLORS = new Set(['transparent', 'inherit', 'initial', 'unset', 'currentcolor', 'auto']);
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);

function safeColor(value: string | undefined, defaults: ReadonlySet<string>): string | null {
  if (value === undefined || !COLOR.test(value) || NOT_COLORS.has(value)) return null;
  if (defaults.has(value.replace(/\s+/g, ''))) return null;
  return value;
}

/** The formatting facts of a `style` attribute value (missing attribute = none). */
export function readStyle(style: string | undefined): StyleFacts {
  const d = declarations(style ?? '');
  const weight = d.get('font-weight') ?? '';
  const decoration = `${d.get('text-decoration') ?? ''} ${d.get('text-decoration-line') ?? ''}`;
  const vertical = d.get('vertical-align') ?? '';
  const align = d.get('text-align') ?? '';
  return {
    bold: weight === 'bold' || weight === 'bolder' || /^[6-9]00$/.test(weight),
    notBold: weight === 'normal' || weight === '400',
    italic: d.get('font-style') === 'italic' || d.get('font-style') === 'oblique',
    underline: decoration.includes('underline'),
    strike: decoration.includes('line-through'),
    sub: vertical === 'sub',
    sup: vertical === 'super',
    color: safeColor(d.get('color'), DEFAULT_COLORS),
    background: safeColor(d.get('background-color') ?? d.get('background'), DEFAULT_BACKGROUNDS),
    textAlign: ALIGNMENTS.has(align) ? align : null,
  };
}

/** A colour from a presentational attribute (`<font color>`), under the same rules. */
export function safeColorAttribute(value: string | undefined): string | null {
  return safeColor(value?.trim().toLowerCase(), DEFAULT_COLORS);
}

/** `text-align` from a style, or from the legacy `align` attribute Word still writes. */
export function alignmentOf(style: string | undefined, align: string | undefined): string | null {
  const fromStyle = readStyle(style).textAlign;
  if (fromStyle) return fromStyle;
  const legacy = align?.trim().toLowerCase() ?? '';
  return ALIGNMENTS.has(legacy) ? legacy : null;
}
