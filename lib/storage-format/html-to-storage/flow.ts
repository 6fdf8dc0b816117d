import { element, isBlank, isBlock, type OutElement, type OutNode } from './out-nodes';

/**
 * How a container treats a mix of blocks and inline content:
 * - `blocks`: every inline run becomes a `<p>` (top level, `blockquote`);
 * - `cell`: inline content stays inline unless blocks are present too (`td`, `th`);
 * - `list-item`: like `cell`, but nested lists may follow inline text directly, as Confluence
 *   itself writes `<li>text<ul>…</ul></li>`.
 */
export type FlowMode = 'blocks' | 'cell' | 'list-item';

const LIST_NAMES = new Set(['ul', 'ol', 'ac:task-list']);

/** Groups consecutive inline nodes into runs, leaving blocks between them. */
function runs(nodes: readonly OutNode[]): Array<OutElement | OutNode[]> {
  const out: Array<OutElement | OutNode[]> = [];
  let run: OutNode[] = [];
  for (const node of nodes) {
    if (isBlock(node)) {
      if (run.length > 0) out.push(run);
      run = [];
      out.push(node);
    } else run.push(node);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Normalises a container's content so no inline run sits beside a block unwrapped. */
export function wrapFlow(nodes: readonly OutNode[], mode: FlowMode): OutNode[] {
  const needsWrapping =
    mode === 'blocks' ||
    nodes.some((node) => isBlock(node) && !(mode === 'list-item' && LIST_NAMES.has(node.name)));
  if (!needsWrapping) return [...nodes];
  const out: OutNode[] = [];
  for (const part of runs(nodes)) {
    if (!Array.isArray(part)) out.push(part);
    else if (!isBlank(part)) out.push(element('p', [], part));
  }
  return out;
}

/**
 * Builds a text block (`p`, `h1`…) around converted content. Blocks that turn up inside it are
 * lifted out beside it, because storage allows no `<p>` inside `<p>`.
 */
export function textBlock(
  name: string,
  attributes: Array<[string, string]>,
  content: readonly OutNode[],
): OutNode[] {
  const out: OutNode[] = [];
  for (const part of runs(content)) {
    if (!Array.isArray(part)) out.push(part);
    else if (!isBlank(part)) out.push(element(name, attributes, part));
  }
  return out;
}

const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Wraps converted content in an inline element (`strong`, `a`, …). When blocks turn up inside
 * (`<b><p>x</p></b>`, Google Docs does this), the formatting moves into text blocks and is
 * dropped around other blocks, which it cannot legally wrap.
 */
export function inlineWrap(
  name: string,
  attributes: Array<[string, string]>,
  content: readonly OutNode[],
): OutNode[] {
  const out: OutNode[] = [];
  for (const part of runs(content)) {
    if (Array.isArray(part)) out.push(element(name, attributes, part));
    else if (TEXT_BLOCKS.has(part.name)) {
      out.push({ ...part, children: [element(name, attributes, part.children)] });
    } else out.push(part);
  }
  return out;
}
