/**
 * Checks of the markup Confluence Cloud's editor writes (docs/storage-format.md, Cloud editor
 * markup): `ac:adf-extension` wrappers for nodes storage cannot express, inline cards and table
 * widths. Everything else it adds (`local-id`, `ac:local-id`, `data-layout`,
 * `ri:version-at-save`, `ac:macro-id`) is accepted as written: Confluence fills it in itself.
 */
import { attributeNamed, type SemanticReport } from './semantic-checks-context';
import type { ElementNode } from './types';

const CARD_APPEARANCES: ReadonlySet<string> = new Set(['inline', 'block', 'embed']);

/** Where each part of an `ac:adf-extension` may stand: the elements that may hold it. */
const ADF_PARENTS: Readonly<Record<string, readonly string[]>> = {
  'ac:adf-node': ['ac:adf-extension', 'ac:adf-node', 'ac:adf-content'],
  'ac:adf-attribute': ['ac:adf-node'],
  'ac:adf-content': ['ac:adf-node'],
  'ac:adf-fallback': ['ac:adf-extension'],
};

function hasChild(element: ElementNode, name: string): boolean {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.name === name) return true;
  }
  return false;
}

/** `ac:adf-extension` and its parts: the node it carries, in the places Confluence reads them. */
export function checkAdfPart(
  element: ElementNode,
  parent: ElementNode | null,
  report: SemanticReport,
): void {
  if (element.name === 'ac:adf-extension') {
    if (!hasChild(element, 'ac:adf-node')) {
      report.add(
        'warning',
        'adf_extension_without_node',
        'This <ac:adf-extension> has no <ac:adf-node>, so Confluence has no Cloud editor node to ' +
          'show and the page shows only its <ac:adf-fallback>, if any. Add the node ' +
          '(e.g. <ac:adf-node type="panel">…</ac:adf-node>) or replace the wrapper by its content.',
        element.openTag,
      );
    }
    return;
  }
  const parents = ADF_PARENTS[element.name];
  if (parents !== undefined && (parent === null || !parents.includes(parent.name))) {
    report.add(
      'warning',
      'adf_part_misplaced',
      `<${element.name}> belongs inside <${parents[0]}>; here Confluence ignores it and its ` +
        'content. Move it into its wrapper, or keep only its content.',
      element.openTag,
    );
    return;
  }
  if (element.name === 'ac:adf-node' && !attributeNamed(element, 'type')?.value) {
    report.add(
      'warning',
      'adf_node_without_type',
      'This <ac:adf-node> has no type, so Confluence cannot tell which Cloud editor node it is ' +
        '(e.g. type="panel", type="decision-list").',
      element.openTag,
    );
  } else if (element.name === 'ac:adf-attribute' && !attributeNamed(element, 'key')?.value) {
    report.add(
      'warning',
      'adf_attribute_without_key',
      'This <ac:adf-attribute> has no key, so Confluence cannot tell which attribute of the node ' +
        'it sets (e.g. key="panel-type").',
      element.openTag,
    );
  }
}

/** A link shown as a smart card: `data-card-appearance` on `<a href>`. */
export function checkCard(link: ElementNode, report: SemanticReport): void {
  const appearance = attributeNamed(link, 'data-card-appearance');
  if (appearance === undefined) return;
  if (!CARD_APPEARANCES.has(appearance.value)) {
    report.add(
      'warning',
      'card_appearance_unknown',
      `data-card-appearance="${appearance.value}" is not a card Confluence draws, so the link ` +
        'shows as a plain link. Use inline, block or embed.',
      appearance.span,
    );
  }
  if (!attributeNamed(link, 'href')?.value) {
    report.add(
      'warning',
      'card_without_href',
      'This smart card has no href, so Confluence has nothing to show in it. Add the link’s ' +
        'address (href="https://…").',
      link.openTag,
    );
  }
}

/** `data-table-width`: the table's width in pixels, a whole number, else Confluence ignores it. */
export function checkTableWidth(table: ElementNode, report: SemanticReport): void {
  const width = attributeNamed(table, 'data-table-width');
  if (width === undefined || /^[1-9][0-9]*$/.test(width.value)) return;
  report.add(
    'info',
    'table_width_ignored',
    `data-table-width="${width.value}" is not a width in pixels, so Confluence ignores it and ` +
      'sizes the table itself. Use a whole number (e.g. data-table-width="760").',
    width.span,
  );
}
