import { convertPre } from './code-blocks';
import { DROPPED_WITH_CONTENT, isOfficeJunk, type Converter } from './converter';
import { inlineWrap, textBlock, wrapFlow } from './flow';
import { checkboxAsText, convertList, isCheckbox } from './lists';
import { element, isBlock, text, type OutNode } from './out-nodes';
import type { HtmlElement, HtmlNode } from './parse-html';
import { alignmentOf, readStyle, safeColorAttribute, type StyleFacts } from './styles';
import { convertTable } from './tables';
import { imageTarget, safeHref } from './urls';

const INLINE_ELEMENTS: Record<string, string> = {
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  cite: 'em',
  dfn: 'em',
  var: 'em',
  u: 'u',
  ins: 'u',
  s: 's',
  del: 's',
  strike: 's',
  sub: 'sub',
  sup: 'sup',
  code: 'code',
  tt: 'code',
  kbd: 'code',
  samp: 'code',
};

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Block containers without a storage equivalent: a paragraph, or unwrapped if they hold blocks. */
const DIV_LIKE = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'center',
  'address',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'legend',
  'hgroup',
  'form',
  'li',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'caption',
]);

/** Applies the formatting a style carries, innermost first, colour span outermost. */
function applyStyle(content: OutNode[], facts: StyleFacts): OutNode[] {
  let out = content;
  if (facts.sub) out = inlineWrap('sub', [], out);
  if (facts.sup) out = inlineWrap('sup', [], out);
  if (facts.strike) out = inlineWrap('s', [], out);
  if (facts.underline) out = inlineWrap('u', [], out);
  if (facts.italic) out = inlineWrap('em', [], out);
  if (facts.bold) out = inlineWrap('strong', [], out);
  const style = [
    facts.color ? `color: ${facts.color};` : '',
    facts.background ? `background-color: ${facts.background};` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return style ? inlineWrap('span', [['style', style]], out) : out;
}

function imageAttributes(img: HtmlElement): Array<[string, string]> {
  const attributes: Array<[string, string]> = [];
  const alt = img.attributes
    .get('alt')
    ?.replace(/[ \t\n\f\r]+/g, ' ')
    .trim();
  if (alt) attributes.push(['ac:alt', alt]);
  for (const dimension of ['width', 'height']) {
    const value = img.attributes.get(dimension)?.trim() ?? '';
    if (/^\d{1,5}$/.test(value) && Number(value) > 0) attributes.push([`ac:${dimension}`, value]);
  }
  return attributes;
}

function convertImage(img: HtmlElement): OutNode[] {
  const target = imageTarget(img.attributes.get('src'));
  if (!target) return [];
  const resource =
    target.kind === 'url'
      ? element('ri:url', [['ri:value', target.url]])
      : element('ri:attachment', [['ri:filename', target.filename]]);
  return [element('ac:image', imageAttributes(img), [resource])];
}

function alignment(el: HtmlElement): Array<[string, string]> {
  const align = alignmentOf(el.attributes.get('style'), el.attributes.get('align'));
  return align && align !== 'left' ? [['style', `text-align: ${align};`]] : [];
}

/** Creates the converter for one paste; it carries the task-id counter and link nesting. */
export function createConverter(): Converter {
  let taskId = 0;
  let insideLink = false;

  const convertLink = (a: HtmlElement): OutNode[] => {
    const href = safeHref(a.attributes.get('href'));
    // Storage links cannot nest; an inner link keeps only its text.
    if (href === null || insideLink) return converter.nodes(a.children);
    insideLink = true;
    try {
      return inlineWrap('a', [['href', href]], converter.nodes(a.children));
    } finally {
      insideLink = false;
    }
  };

  const convertElement = (el: HtmlElement): OutNode[] => {
    const name = el.name;
    if (isCheckbox(el)) return [checkboxAsText(el)];
    if (DROPPED_WITH_CONTENT.has(name) || isOfficeJunk(name)) return [];
    const mapped = INLINE_ELEMENTS[name];
    if (mapped) {
      const facts = readStyle(el.attributes.get('style'));
      // Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid…">.
      if (mapped === 'strong' && facts.notBold) return converter.nodes(el.children);
      return inlineWrap(mapped, [], converter.nodes(el.children));
    }
    if (name === 'span')
      return applyStyle(converter.nodes(el.children), readStyle(el.attributes.get('style')));
    if (name === 'font') {
      const color = safeColorAttribute(el.attributes.get('color'));
      const facts = { ...readStyle(el.attributes.get('style')), ...(color ? { color } : {}) };
      return applyStyle(converter.nodes(el.children), facts);
    }
    if (name === 'a') return convertLink(el);
    if (name === 'img') return convertImage(el);
    if (name === 'br') return [element('br')];
    if (name === 'hr') return [element('hr')];
    if (name === 'p' || HEADINGS.has(name)) {
      return textBlock(name, alignment(el), converter.nodes(el.children));
    }
    if (name === 'blockquote') {
      const content = wrapFlow(converter.nodes(el.children), 'blocks');
      return content.length > 0 ? [element('blockquote', [], content)] : [];
    }
    if (name === 'ul' || name === 'ol') return convertList(el, converter);
    if (name === 'table') return convertTable(el, converter);
    if (name === 'pre') return convertPre(el);
    if (DIV_LIKE.has(name)) {
      const content = converter.nodes(el.children);
      return content.some(isBlock) ? content : textBlock('p', alignment(el), content);
    }
    // Unknown, custom and smart-tag elements: keep what they show, drop the element.
    return converter.nodes(el.children);
  };

  const converter: Converter = {
    nodes(children: readonly HtmlNode[]): OutNode[] {
      const out: OutNode[] = [];
      for (const child of children) {
        if (child.type === 'text') out.push(text(child.text));
        // A loop, not push(...spread): an unwrapped element may yield very many nodes.
        else for (const node of convertElement(child)) out.push(node);
      }
      return out;
    },
    nextTaskId: () => ++taskId,
  };
  return converter;
}
