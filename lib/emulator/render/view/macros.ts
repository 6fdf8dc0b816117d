import { escapeHtml as esc } from '../../http/respond';
import { pageWebui } from '../links';
import {
  childElement,
  parseStorageTree,
  textOf,
  type StorageElement,
  type StorageNode,
} from './parse-tree';
import type { Renderer } from './render-context';

type MacroRenderer = (
  node: StorageElement,
  params: Map<string, StorageElement>,
  r: Renderer,
) => string;

const ADMONITIONS: Record<string, { kind: string; icon: string }> = {
  info: { kind: 'information', icon: 'aui-iconfont-info' },
  tip: { kind: 'tip', icon: 'aui-iconfont-approve' },
  note: { kind: 'note', icon: 'aui-iconfont-warning' },
  warning: { kind: 'warning', icon: 'aui-iconfont-error' },
};

const LOZENGES: Record<string, string> = {
  grey: '',
  red: ' aui-lozenge-error',
  yellow: ' aui-lozenge-current',
  green: ' aui-lozenge-success',
  blue: ' aui-lozenge-complete',
  purple: ' aui-lozenge-progress',
};

function param(params: Map<string, StorageElement>, name: string): string | undefined {
  const element = params.get(name);
  return element ? textOf(element) : undefined;
}

function richBody(node: StorageElement, r: Renderer): string {
  const body = childElement(node, 'ac:rich-text-body');
  return body ? r.children(body) : '';
}

function plainBody(node: StorageElement): string {
  const body = childElement(node, 'ac:plain-text-body');
  return body ? textOf(body) : '';
}

const admonition: MacroRenderer = (node, params, r) => {
  const name = node.attrs['ac:name'] ?? 'info';
  const { kind, icon } = ADMONITIONS[name]!;
  const title = param(params, 'title');
  const showIcon = param(params, 'icon') !== 'false';
  return (
    `<div class="confluence-information-macro confluence-information-macro-${kind} conf-macro output-block" data-hasbody="true" data-macro-name="${esc(name)}">` +
    (title ? `<p class="title">${esc(title)}</p>` : '') +
    (showIcon
      ? `<span class="aui-icon aui-icon-small ${icon} confluence-information-macro-icon"></span>`
      : '') +
    `<div class="confluence-information-macro-body">${richBody(node, r)}</div></div>`
  );
};

const panel: MacroRenderer = (node, params, r) => {
  const style = [
    `border-style: ${param(params, 'borderStyle') ?? 'solid'}`,
    `border-color: ${param(params, 'borderColor') ?? '#ccc'}`,
    `border-width: ${param(params, 'borderWidth') ?? '1'}px`,
  ].join(';');
  const title = param(params, 'title');
  const bg = param(params, 'bgColor');
  return (
    `<div class="panel conf-macro output-block" style="${esc(style)};" data-hasbody="true" data-macro-name="panel">` +
    (title
      ? `<div class="panelHeader" style="border-bottom-width: 1px;"><b>${esc(title)}</b></div>`
      : '') +
    `<div class="panelContent"${bg ? ` style="background-color: ${esc(bg)};"` : ''}>${richBody(node, r)}</div></div>`
  );
};

const code: MacroRenderer = (node, params) => {
  const language = param(params, 'language') ?? 'java';
  const title = param(params, 'title');
  const gutter = param(params, 'linenumbers') === 'true';
  const theme = param(params, 'theme') ?? 'Confluence';
  return (
    `<div class="code panel pdl conf-macro output-block" style="border-width: 1px;" data-hasbody="true" data-macro-name="code">` +
    (title
      ? `<div class="codeHeader panelHeader pdl" style="border-bottom-width: 1px;"><b>${esc(title)}</b></div>`
      : '') +
    `<div class="codeContent panelContent pdl"><pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="${esc(`brush: ${language}; gutter: ${gutter}; theme: ${theme}`)}" data-theme="${esc(theme)}">${esc(plainBody(node))}</pre></div></div>`
  );
};

const noformat: MacroRenderer = (node, params) => {
  const pre = `<pre>${esc(plainBody(node))}</pre>`;
  if (param(params, 'nopanel') === 'true')
    return `<div class="preformatted conf-macro output-block">${pre}</div>`;
  return `<div class="preformatted panel conf-macro output-block" style="border-width: 1px;"><div class="preformattedContent panelContent">${pre}</div></div>`;
};

const expand: MacroRenderer = (node, params, r) => {
  const id = r.nextId();
  const title = param(params, 'title') || 'Click here to expand...';
  return (
    `<div id="expander-${id}" class="expand-container conf-macro output-block" data-macro-name="expand">` +
    `<div id="expander-control-${id}" class="expand-control"><span class="expand-control-icon icon">&nbsp;</span><span class="expand-control-text">${esc(title)}</span></div>` +
    `<div id="expander-content-${id}" class="expand-content expand-hidden">${richBody(node, r)}</div></div>`
  );
};

const toc: MacroRenderer = (_node, params, r) => {
  const min = Number(param(params, 'minLevel') ?? 1);
  const max = Number(param(params, 'maxLevel') ?? 7);
  const items = r.headings
    .filter((heading) => heading.level >= min && heading.level <= max)
    .map(
      (heading) =>
        `<li class="toc-level-${heading.level}"><a href="#${esc(heading.id)}">${esc(heading.text)}</a></li>`,
    );
  return `<div class="toc-macro client-side-toc-macro conf-macro output-block" data-macro-name="toc"><ul class="toc-indentation">${items.join('')}</ul></div>`;
};

const status: MacroRenderer = (_node, params) => {
  const colour = (param(params, 'colour') ?? 'Grey').toLowerCase();
  const title = param(params, 'title') || colour;
  const subtle = param(params, 'subtle') === 'true' ? ' aui-lozenge-subtle' : '';
  return `<span class="status-macro aui-lozenge${LOZENGES[colour] ?? ''}${subtle} conf-macro output-inline" data-macro-name="status">${esc(title.toUpperCase())}</span>`;
};

const jira: MacroRenderer = (_node, params) => {
  const key = param(params, 'key');
  if (key) {
    return `<span class="confluence-jim-macro jira-issue conf-macro output-inline" data-jira-key="${esc(key)}" data-macro-name="jira"><a class="jira-issue-key" href="#jira-${esc(key)}">${esc(key)}</a> <span class="aui-lozenge aui-lozenge-subtle aui-lozenge-current jira-macro-single-issue-export-pdf">UNKNOWN</span></span>`;
  }
  const jql = param(params, 'jqlQuery') ?? '';
  return `<div class="jira-issues conf-macro output-block" data-macro-name="jira"><p class="jira-table-placeholder">Jira issues: ${esc(jql)} (Jira is not reachable from the emulator)</p></div>`;
};

const children: MacroRenderer = (_node, _params, r) => {
  const { ctx, page } = r.source;
  if (!page)
    return '<div class="error"><span class="error">Unable to render {children}</span> Page not found.</div>';
  const items = ctx.store
    .children(page.id, ctx.user)
    .map(
      (child) =>
        `<li><a href="${esc(r.url(pageWebui(ctx.flavour, child)))}">${esc(child.current.title)}</a></li>`,
    );
  return `<ul class="childpages-macro conf-macro output-block" data-macro-name="children">${items.join('')}</ul>`;
};

const excerpt: MacroRenderer = (node, params, r) =>
  param(params, 'hidden') === 'true'
    ? ''
    : `<div class="conf-macro output-block" data-macro-name="excerpt">${richBody(node, r)}</div>`;

const excerptInclude: MacroRenderer = (_node, params, r) => {
  const link = params.get('') ?? params.get('0');
  const target = link ? childElement(childElement(link, 'ac:link') ?? link, 'ri:page') : undefined;
  const title = target?.attrs['ri:content-title'];
  const spaceKey = target?.attrs['ri:space-key'] ?? r.source.page?.spaceKey ?? r.source.spaceKey;
  const { ctx } = r.source;
  const included = title && spaceKey ? ctx.store.findByTitle(spaceKey, title, ctx.user) : undefined;
  if (!included) {
    return `<div class="error conf-macro output-block"><span class="error">Unable to render {excerpt-include}</span> The included page could not be found.</div>`;
  }
  const excerptMacro = findMacro(parseStorageTree(included.current.body), 'excerpt');
  const inner = excerptMacro ? richBody(excerptMacro, r) : '';
  if (param(params, 'nopanel') === 'true')
    return `<div class="conf-macro output-block">${inner}</div>`;
  return `<div class="panel conf-macro output-block" style="border-width: 1px;"><div class="panelHeader"><b>${esc(included.current.title)}</b></div><div class="panelContent">${inner}</div></div>`;
};

const anchor: MacroRenderer = (_node, params) => {
  const name = param(params, '') ?? param(params, '0') ?? '';
  return `<span class="confluence-anchor-link conf-macro output-inline" id="${esc(name)}" data-macro-name="anchor"></span>`;
};

const details: MacroRenderer = (node, _params, r) =>
  `<div class="plugin-tabmeta-details conf-macro output-block" data-macro-name="details">${richBody(node, r)}</div>`;

const MACROS: Record<string, MacroRenderer> = {
  info: admonition,
  tip: admonition,
  note: admonition,
  warning: admonition,
  panel,
  code,
  noformat,
  expand,
  toc,
  status,
  jira,
  jiraissues: jira,
  children,
  excerpt,
  'excerpt-include': excerptInclude,
  anchor,
  details,
};

function findMacro(nodes: StorageNode[], name: string): StorageElement | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.name === 'ac:structured-macro' && node.attrs['ac:name'] === name) return node;
    const inner = findMacro(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}

/** Renders `ac:structured-macro` (and old `ac:macro`); unknown names get Confluence's error placeholder. */
export function renderMacro(node: StorageElement, r: Renderer): string {
  const name = node.attrs['ac:name'] ?? '';
  const params = new Map<string, StorageElement>();
  for (const child of node.children) {
    if (child.type === 'element' && child.name === 'ac:parameter')
      params.set(child.attrs['ac:name'] ?? '', child);
    if (child.type === 'element' && child.name === 'ac:default-parameter') params.set('', child);
  }
  const renderer = MACROS[name];
  if (renderer) return renderer(node, params, r);
  return `<div class="error conf-macro output-block" data-macro-name="${esc(name)}"><span class="error">Unknown macro: {${esc(name)}}</span> </div>`;
}
