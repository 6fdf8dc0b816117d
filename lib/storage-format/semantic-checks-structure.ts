/**
 * Checks of where things stand: block markup inside a paragraph, resource identifiers outside
 * the elements that give them meaning, raw `<img>`, empty links, layout sections whose cell
 * count does not match their type, and incomplete tasks.
 */
import * as macroCatalogueModule from './macro-catalogue';
import type { MacroSpec } from './macro-catalogue';
import * as semanticChecksContextModule from './semantic-checks-context';
import type { SemanticReport } from './semantic-checks-context';
import type { ElementNode } from './types';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { findMacro } = macroCatalogueModule;
const { attributeNamed, directText, isBlank } = semanticChecksContextModule;

/** Markup that starts a block: HTML does not allow it inside `<p>`. */
const BLOCKS_NOT_IN_PARAGRAPH: ReadonlySet<string> = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ac:layout',
  'ac:task-list',
]);

/** Resource identifiers an `ri:attachment` may hold: the content the file is attached to. */
const ATTACHMENT_OWNERS: ReadonlySet<string> = new Set([
  'ri:page',
  'ri:blog-post',
  'ri:space',
  'ri:content-entity',
]);

const IMAGE_RESOURCES: ReadonlySet<string> = new Set(['ri:attachment', 'ri:url']);

/** Column counts of the layout types Confluence defines; other types are not second-guessed. */
const LAYOUT_CELLS: Readonly<Record<string, number>> = {
  single: 1,
  two_equal: 2,
  two_left_sidebar: 2,
  two_right_sidebar: 2,
  three_equal: 3,
  three_with_sidebars: 3,
  three_left_sidebars: 3,
  three_right_sidebars: 3,
  four_equal: 4,
  five_equal: 5,
};

function isMacro(element: ElementNode): boolean {
  return element.name === 'ac:structured-macro' || element.name === 'ac:macro';
}

function macroSpecOf(element: ElementNode): MacroSpec | undefined {
  const name = attributeNamed(element, 'ac:name')?.value;
  return name === undefined ? undefined : findMacro(name);
}

/**
 * Block markup directly inside `<p>`. A paragraph holding nothing but a block macro is how many
 * exporters write macros (docs/storage-format.md §5) and is fine; a block macro sharing the paragraph
 * with text is not.
 */
export function checkParagraph(paragraph: ElementNode, report: SemanticReport): void {
  let blockMacros: ElementNode[] | undefined;
  let hasInlineContent = false;
  const children = paragraph.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' || child.type === 'cdata') {
      if (!hasInlineContent && !isBlank(child.value, true)) hasInlineContent = true;
      continue;
    }
    if (child.type !== 'element') continue;
    if (BLOCKS_NOT_IN_PARAGRAPH.has(child.name)) {
      report.add(
        'warning',
        'block_in_paragraph',
        `<${child.name}> inside <p>: Confluence saves it, but a paragraph cannot hold a block, ` +
          'so browsers and the Confluence editor split the paragraph around it (empty ' +
          `paragraphs, moved content). Close the </p> before the <${child.name}>.`,
        child.span,
      );
    } else if (isMacro(child)) {
      // Unknown macros are given the benefit of the doubt: they neither count nor get flagged.
      const spec = macroSpecOf(child);
      if (spec === undefined) continue;
      if (spec.inline) hasInlineContent = true;
      else (blockMacros ??= []).push(child);
    } else if (child.name !== 'br') {
      hasInlineContent = true;
    }
  }
  if (blockMacros === undefined || !hasInlineContent) return;
  for (const macro of blockMacros) {
    const name = attributeNamed(macro, 'ac:name')?.value ?? '';
    report.add(
      'warning',
      'block_in_paragraph',
      `The ${name} macro is a block but shares this paragraph with text, so it breaks the ` +
        'line apart and the text around it is laid out unpredictably. Move the macro out of the ' +
        '<p> (a paragraph holding only the macro is fine).',
      macro.openTag,
    );
  }
}

/** An `ri:` element is meaningful only inside a link, an image, a parameter or an attachment. */
export function checkResourcePlacement(
  resource: ElementNode,
  parent: ElementNode | null,
  report: SemanticReport,
): void {
  const parentName = parent?.name;
  let advice: string | undefined;
  if (parentName === 'ac:link' || parentName === 'ac:parameter') return;
  if (parentName === 'ac:default-parameter') return;
  if (parentName === 'ac:image') {
    if (IMAGE_RESOURCES.has(resource.name)) return;
    advice = 'An image takes <ri:attachment> or <ri:url> only.';
  } else if (parentName === 'ri:attachment') {
    if (ATTACHMENT_OWNERS.has(resource.name)) return;
    advice =
      '<ri:attachment> may hold only <ri:page>, <ri:blog-post>, <ri:space> or ' +
      '<ri:content-entity> (the content the file is attached to).';
  } else if (resource.name === 'ri:url') {
    advice = 'For an image write <ac:image><ri:url …/></ac:image>; for a link, <a href="…">.';
  } else {
    advice = `Wrap it in <ac:link>…</ac:link> to make a link.`;
  }
  const where = parentName === undefined ? 'at the top level' : `directly inside <${parentName}>`;
  report.add(
    'warning',
    'misplaced_resource_identifier',
    `<${resource.name}> ${where} means nothing to Confluence: it keeps it but shows nothing ` +
      `there. ${advice}`,
    resource.span,
  );
}

/** A raw `<img src>`: relative files do not resolve to attachments; absolute ones are advice. */
export function checkImage(image: ElementNode, report: SemanticReport): void {
  const src = attributeNamed(image, 'src')?.value.trim();
  if (src === undefined || src === '') return;
  const absolute = src.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(src);
  if (!absolute) {
    const file = src.slice(src.lastIndexOf('/') + 1);
    report.add(
      'warning',
      'img_instead_of_ac_image',
      `<img src="${src}"> points at a file relative to the page's web address, not at an ` +
        'attachment, so Confluence shows a broken image. Attach the file and write ' +
        `<ac:image><ri:attachment ri:filename="${file}"/></ac:image>.`,
      image.span,
    );
    return;
  }
  const emoticon = attributeNamed(image, 'class')?.value.includes('emoticon') === true;
  report.add(
    'info',
    'img_instead_of_ac_image',
    emoticon
      ? 'This <img> is the rendered HTML of an emoticon. Confluence writes emoticons as ' +
          '<ac:emoticon ac:name="…"/>, which follows the site and theme.'
      : 'Confluence writes external images as <ac:image><ri:url ri:value="…"/></ac:image>; a ' +
          'raw <img> works in the browser, but tools that read storage format (exports, ' +
          'converters) look for <ac:image> and may lose it.',
    image.span,
  );
}

/**
 * An `ac:link` with no target (no `ri:` child, no `ac:anchor`) and no body shows nothing. Inside
 * a macro parameter an empty `<ac:link/>` means "this page" (children display), so it is left.
 */
export function checkEmptyLink(link: ElementNode, report: SemanticReport): void {
  const anchor = attributeNamed(link, 'ac:anchor');
  if (anchor !== undefined && anchor.value !== '') return;
  const children = link.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element') {
      if (child.name.startsWith('ri:')) return;
      if (child.name === 'ac:link-body' || child.name === 'ac:plain-text-link-body') return;
    }
  }
  report.add(
    'warning',
    'empty_link',
    'This <ac:link> has no target and no text, so nothing shows on the page. Add a target ' +
      '(e.g. <ri:page ri:content-title="…"/>) or ac:anchor="…", or remove the link.',
    link.span,
  );
}

/** A layout section of a known `ac:type` must hold that type's number of cells. */
export function checkLayoutSection(section: ElementNode, report: SemanticReport): void {
  const type = attributeNamed(section, 'ac:type');
  if (type === undefined) return;
  const expected = Object.hasOwn(LAYOUT_CELLS, type.value) ? LAYOUT_CELLS[type.value] : undefined;
  if (expected === undefined) return;
  let cells = 0;
  const children = section.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.name === 'ac:layout-cell') cells++;
  }
  if (cells === expected) return;
  report.add(
    'warning',
    'layout_cell_count',
    `A ${type.value} layout section has ${expected} ${expected === 1 ? 'column' : 'columns'}, ` +
      `but this one holds ${cells} <ac:layout-cell> ${cells === 1 ? 'element' : 'elements'}, so ` +
      'the page will not show the columns as intended. Change ac:type or the number of cells.',
    type.span,
  );
}

/** A task needs a status (complete or incomplete) and a body to be a checkbox with text. */
export function checkTask(task: ElementNode, report: SemanticReport): void {
  let status: ElementNode | undefined;
  let body: ElementNode | undefined;
  const children = task.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (child.name === 'ac:task-status') status = child;
    else if (child.name === 'ac:task-body') body = child;
  }
  const missing = [status ? '' : '<ac:task-status>', body ? '' : '<ac:task-body>'].filter(Boolean);
  if (missing.length > 0) {
    report.add(
      'warning',
      'malformed_task',
      `This task has no ${missing.join(' and no ')}, so Confluence cannot show it as a ` +
        'checkbox item. A task holds <ac:task-status>incomplete</ac:task-status> (or complete) ' +
        'and <ac:task-body>…</ac:task-body>.',
      task.span,
    );
    return;
  }
  const value = status === undefined ? '' : directText(status).text.trim();
  if (value === 'complete' || value === 'incomplete') return;
  report.add(
    'warning',
    'malformed_task',
    `Task status ${JSON.stringify(value)} is neither \`complete\` nor \`incomplete\`, the only ` +
      'values Confluence knows; the checkbox will not show what you mean.',
    status?.span ?? task.span,
  );
}
