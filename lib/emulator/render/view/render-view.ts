import { escapeHtml as esc } from '../../http/respond';
import { renderMacro } from './macros';
import { parseStorageTree, textOf, type StorageElement, type StorageNode } from './parse-tree';
import type { RenderSource, Renderer, ViewFormat } from './render-context';
import { renderEmoticon, renderImage, renderLink, safeUrl } from './resources';

export type { RenderSource, ViewFormat } from './render-context';

/** Plain HTML elements kept as they are (with an attribute allow-list). */
const HTML_ELEMENTS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 br hr strong em b i u s del ins sub sup code pre blockquote span div small big ul ol li ' +
    'table thead tbody tfoot tr th td colgroup col caption a img dl dt dd abbr cite q kbd var mark tt center'
  ).split(' '),
);
/** Elements dropped with their content: never rendered by Confluence's cleaner. */
const DROPPED = new Set(
  'script style iframe object embed form input button textarea select link meta frame frameset applet base'.split(
    ' ',
  ),
);
const VOID = new Set(['br', 'hr', 'col', 'img']);
const ATTRIBUTES =
  /^(class|style|title|alt|colspan|rowspan|width|height|align|valign|start|scope|id|datetime|data-[a-z0-9-]+)$/;

/**
 * Storage → view HTML in the style of Confluence's renderer (confluenceTable classes, macro
 * panels, placeholders for unknown macros). All text is escaped and scripts are dropped, though
 * the app treats the result as untrusted anyway.
 */
export function renderView(body: string, format: ViewFormat, source: RenderSource): string {
  const tree = parseStorageTree(body);
  let counter = 0;
  const pageTitle = source.page?.current.title ?? '';
  const headings: Renderer['headings'] = [];
  collectHeadings(tree, pageTitle, headings);
  const renderer: Renderer = {
    source,
    format,
    headings,
    url: (path) => (format === 'export_view' ? source.ctx.base : source.ctx.context) + path,
    nextId: () => (counter += 1),
    children: (node) => renderNodes(node.children, renderer),
    nodes: (nodes) => renderNodes(nodes, renderer),
  };
  const html = renderNodes(tree, renderer);
  if (format !== 'styled_view') return html;
  return `<style type="text/css">${STYLED_VIEW_CSS}</style><div class="wiki-content">${html}</div>`;
}

const STYLED_VIEW_CSS =
  'table.confluenceTable{border-collapse:collapse}th.confluenceTh,td.confluenceTd{border:1px solid #c1c7d0;padding:7px 10px}' +
  'th.confluenceTh{background:#f4f5f7}.confluence-information-macro{border-radius:3px;padding:8px 8px 8px 32px;margin:10px 0}' +
  '.confluence-information-macro-information{background:#deebff}.confluence-information-macro-tip{background:#e3fcef}' +
  '.confluence-information-macro-note{background:#fffae6}.confluence-information-macro-warning{background:#ffebe6}' +
  '.aui-lozenge{border-radius:3px;font-size:11px;font-weight:bold;padding:2px 4px}';

function headingId(pageTitle: string, text: string): string {
  return `${pageTitle.replace(/\s+/g, '')}-${text.replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

function collectHeadings(nodes: StorageNode[], pageTitle: string, out: Renderer['headings']): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const level = /^h([1-6])$/.exec(node.name)?.[1];
    if (level) {
      const text = textOf(node).trim();
      out.push({ level: Number(level), text, id: headingId(pageTitle, text) });
    } else if (node.name !== 'ac:plain-text-body') {
      collectHeadings(node.children, pageTitle, out);
    }
  }
}

function renderNodes(nodes: StorageNode[], r: Renderer): string {
  return nodes
    .map((node) => (node.type === 'text' ? esc(node.text) : renderElement(node, r)))
    .join('');
}

function renderElement(node: StorageElement, r: Renderer): string {
  const name = node.name;
  if (name === 'ac:structured-macro' || name === 'ac:macro') return renderMacro(node, r);
  if (name === 'ac:link') return renderLink(node, r);
  if (name === 'ac:image') return renderImage(node, r);
  if (name === 'ac:emoticon') return renderEmoticon(node, r);
  if (name.startsWith('ac:') || name.startsWith('ri:')) return renderStructure(node, r);
  if (name === 'time') return renderTime(node);
  if (DROPPED.has(name)) return '';
  if (!HTML_ELEMENTS.has(name)) return r.children(node);
  if (name === 'table') return `<div class="table-wrap">${tag(node, r, 'confluenceTable')}</div>`;
  if (name === 'th') return tag(node, r, 'confluenceTh');
  if (name === 'td') return tag(node, r, 'confluenceTd');
  if (/^h[1-6]$/.test(name)) {
    return tag(node, r, undefined, {
      id: headingId(r.source.page?.current.title ?? '', textOf(node).trim()),
    });
  }
  return tag(node, r);
}

function tag(
  node: StorageElement,
  r: Renderer,
  addClass?: string,
  extra: Record<string, string> = {},
): string {
  const attrs: string[] = [];
  for (const [key, value] of Object.entries({ ...node.attrs, ...extra })) {
    if (key === 'class') continue;
    if (key === 'href' || key === 'src') attrs.push(`${key}="${esc(safeUrl(value))}"`);
    else if (ATTRIBUTES.test(key)) attrs.push(`${key}="${esc(value)}"`);
  }
  const classes = [addClass, node.attrs.class].filter(Boolean).join(' ');
  if (classes) attrs.unshift(`class="${esc(classes)}"`);
  const open = `<${node.name}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  if (VOID.has(node.name)) return `${open} />`;
  return `${open}>${r.children(node)}</${node.name}>`;
}

function renderTime(node: StorageElement): string {
  const datetime = node.attrs.datetime ?? '';
  const date = new Date(`${datetime}T00:00:00Z`);
  const label = Number.isNaN(date.getTime())
    ? datetime
    : date.toLocaleDateString('en-GB', {
        day: '2-digit',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
  return `<time datetime="${esc(datetime)}" class="date-past">${esc(label)}</time>`;
}

const LAYOUT_TYPES: Record<string, string> = {
  single: 'single',
  two_equal: 'two-equal',
  two_left_sidebar: 'two-left-sidebar',
  two_right_sidebar: 'two-right-sidebar',
  three_equal: 'three-equal',
  three_with_sidebars: 'three-with-sidebars',
};

/** Confluence structure elements: tasks, layouts, markers, ADF fallbacks. */
function renderStructure(node: StorageElement, r: Renderer): string {
  switch (node.name) {
    case 'ac:task-list':
      return `<ul class="inline-task-list" data-inline-tasks-content-id="${r.source.page?.id ?? ''}">${r.children(node)}</ul>`;
    case 'ac:task': {
      const id = node.children.find(
        (c): c is StorageElement => c.type === 'element' && c.name === 'ac:task-id',
      );
      const status = node.children.find(
        (c): c is StorageElement => c.type === 'element' && c.name === 'ac:task-status',
      );
      const checked = status && textOf(status).trim() === 'complete' ? ' class="checked"' : '';
      return `<li data-inline-task-id="${esc(id ? textOf(id).trim() : '')}"${checked}>${r.children(node)}</li>`;
    }
    case 'ac:task-id':
    case 'ac:task-uuid':
    case 'ac:task-status':
    case 'ac:placeholder':
    case 'ac:parameter':
    case 'ac:adf-attribute':
      return '';
    case 'ac:task-body':
      return `<span class="placeholder-inline-tasks">${r.children(node)}</span>`;
    case 'ac:layout':
      return `<div class="contentLayout2">${r.children(node)}</div>`;
    case 'ac:layout-section': {
      const type = LAYOUT_TYPES[node.attrs['ac:type'] ?? ''] ?? 'single';
      return `<div class="columnLayout ${type}" data-layout="${type}">${r.children(node)}</div>`;
    }
    case 'ac:layout-cell':
      return `<div class="cell normal" data-type="normal"><div class="innerCell">${r.children(node)}</div></div>`;
    case 'ac:inline-comment-marker':
      return `<span class="inline-comment-marker" data-ref="${esc(node.attrs['ac:ref'] ?? '')}">${r.children(node)}</span>`;
    case 'ac:adf-extension': {
      const fallback = node.children.find(
        (c): c is StorageElement => c.type === 'element' && c.name === 'ac:adf-fallback',
      );
      return fallback ? r.children(fallback) : '';
    }
    default:
      return r.children(node);
  }
}
