import type { Converter } from './converter';
import { wrapFlow } from './flow';
import { element, type OutElement, type OutNode } from './out-nodes';
import type { HtmlElement, HtmlNode } from './parse-html';

function isWhitespaceText(node: HtmlNode): boolean {
  return node.type === 'text' && !/[^ \t\n\f\r]/.test(node.text);
}

function spanAttribute(cell: HtmlElement, name: string): Array<[string, string]> {
  const value = cell.attributes.get(name)?.trim() ?? '';
  if (!/^\d{1,4}$/.test(value)) return [];
  const count = Number(value);
  return count > 1 ? [[name, String(count)]] : [];
}

function columnWidth(col: HtmlElement): Array<[string, string]> {
  const fromStyle = /(?:^|;)\s*width\s*:\s*(\d+(?:\.\d+)?(?:px|%))/i.exec(
    col.attributes.get('style') ?? '',
  )?.[1];
  const fromAttribute = /^\d+(?:\.\d+)?%?$/.exec(col.attributes.get('width')?.trim() ?? '')?.[0];
  const width =
    fromStyle ??
    (fromAttribute && !fromAttribute.endsWith('%') ? `${fromAttribute}px` : fromAttribute);
  return width ? [['style', `width: ${width.toLowerCase()};`]] : [];
}

interface TableParts {
  columns: OutElement[];
  head: OutElement[];
  body: OutElement[];
  foot: OutElement[];
  /** Content that cannot live in a table goes before it, as browsers' foster parenting does. */
  fostered: HtmlNode[];
}

function convertRow(row: HtmlElement, convert: Converter, parts: TableParts): OutElement | null {
  const cells: OutElement[] = [];
  for (const child of row.children) {
    if (child.type === 'element' && (child.name === 'td' || child.name === 'th')) {
      const attributes = [...spanAttribute(child, 'colspan'), ...spanAttribute(child, 'rowspan')];
      const content = wrapFlow(convert.nodes(child.children), 'cell');
      cells.push(element(child.name, attributes, content));
    } else if (!isWhitespaceText(child)) parts.fostered.push(child);
  }
  return cells.length > 0 ? element('tr', [], cells) : null;
}

function collectRows(
  nodes: readonly HtmlNode[],
  into: OutElement[],
  convert: Converter,
  parts: TableParts,
): void {
  for (const child of nodes) {
    if (child.type === 'element' && child.name === 'tr') {
      const row = convertRow(child, convert, parts);
      if (row) into.push(row);
    } else if (!isWhitespaceText(child)) parts.fostered.push(child);
  }
}

function collectColumns(nodes: readonly HtmlNode[], into: OutElement[]): void {
  for (const child of nodes) {
    if (child.type !== 'element' || child.name !== 'col') continue;
    const span = spanAttribute(child, 'span');
    into.push(element('col', [...span, ...columnWidth(child)]));
  }
}

/**
 * A table with its rows in `thead`/`tbody`/`tfoot` (a `tbody` always: Confluence's editor
 * expects one), cells with `colspan`/`rowspan`, and `colgroup` column widths. Caption and stray
 * content come out as blocks before the table; a table without any cell yields only those.
 */
export function convertTable(table: HtmlElement, convert: Converter): OutNode[] {
  const parts: TableParts = { columns: [], head: [], body: [], foot: [], fostered: [] };
  for (const child of table.children) {
    if (child.type === 'text') {
      if (!isWhitespaceText(child)) parts.fostered.push(child);
      continue;
    }
    switch (child.name) {
      case 'thead':
        collectRows(child.children, parts.head, convert, parts);
        break;
      case 'tbody':
        collectRows(child.children, parts.body, convert, parts);
        break;
      case 'tfoot':
        collectRows(child.children, parts.foot, convert, parts);
        break;
      case 'tr':
        collectRows([child], parts.body, convert, parts);
        break;
      case 'colgroup':
        collectColumns(child.children, parts.columns);
        break;
      case 'col':
        collectColumns([child], parts.columns);
        break;
      case 'caption':
        // A caption element converts like a div: its own paragraph.
        parts.fostered.push(child);
        break;
      default:
        parts.fostered.push(child);
    }
  }
  const fostered = wrapFlow(convert.nodes(parts.fostered), 'blocks');
  if (parts.head.length + parts.body.length + parts.foot.length === 0) return fostered;
  const children: OutElement[] = [];
  if (parts.columns.length > 0) children.push(element('colgroup', [], parts.columns));
  if (parts.body.length === 0) {
    children.push(element('tbody', [], [...parts.head, ...parts.foot]));
  } else {
    if (parts.head.length > 0) children.push(element('thead', [], parts.head));
    children.push(element('tbody', [], parts.body));
    if (parts.foot.length > 0) children.push(element('tfoot', [], parts.foot));
  }
  return [...fostered, element('table', [], children)];
}
