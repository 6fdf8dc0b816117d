import { HtmlWriter, type TagName } from '../html-writer';
import type { RenderContext, TocHeading, TocRequest } from '../render-context';
import { lookup } from '../tree';

/**
 * `toc`: a list of links to the page's headings. Headings further down are not known yet when
 * the macro is met, so it reserves a slot in the output and is written once the page is done.
 * Honours minLevel/maxLevel, type (list/flat), outline numbering, style and separator.
 */

/** Reserves the toc's place; `writeTocs` fills it at the end of the render. */
export function renderTocMacro(ctx: RenderContext, parameters: ReadonlyMap<string, string>): void {
  const { line, offset } = ctx.out.takeSourceMark();
  const slot = ctx.out.reserve();
  ctx.tocRequests.push({ slot, parameters, line, offset, inline: ctx.inline });
}

/**
 * Fills every toc slot `ctx` reserved from the page's headings (the render's own, or, for one
 * block of an incremental render, those of every block).
 */
export function writeTocs(ctx: RenderContext, headings: readonly TocHeading[]): void {
  for (const request of ctx.tocRequests) {
    const writer = new HtmlWriter(ctx.out.markBase);
    if (request.line > 0) writer.markSourceLine(request.line, request.offset);
    writeToc(writer, request, headings);
    ctx.out.fill(request.slot, writer);
  }
}

const LIST_STYLES: ReadonlySet<string> = new Set([
  'none',
  'disc',
  'circle',
  'square',
  'decimal',
  'lower-alpha',
  'upper-alpha',
  'lower-roman',
  'upper-roman',
]);

const SEPARATORS: Readonly<Record<string, [string, string, string]>> = {
  brackets: ['[ ', ' ]', ' '],
  braces: ['{ ', ' }', ' '],
  parens: ['( ', ' )', ' '],
  pipe: ['', '', ' | '],
};

function level(parameters: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const value = Number(parameters.get(name)?.trim() ?? '');
  return Number.isInteger(value) && value >= 1 && value <= 7 ? value : fallback;
}

function writeToc(out: HtmlWriter, request: TocRequest, all: readonly TocHeading[]): void {
  const parameters = request.parameters;
  const min = level(parameters, 'minLevel', 1);
  const max = level(parameters, 'maxLevel', 7);
  const headings = all.filter((h) => h.level >= min && h.level <= max);
  const container: TagName = request.inline ? 'span' : 'div';
  out.open(container, { class: 'pw-toc', 'data-macro': 'toc' });
  if (headings.length === 0) {
    out.element('span', { class: 'pw-macro-note' }, 'Table of contents (no headings yet)');
  } else if (parameters.get('type')?.trim().toLowerCase() === 'flat') {
    writeFlat(out, headings, parameters.get('separator')?.trim() ?? 'brackets');
  } else {
    const style = parameters.get('style')?.trim().toLowerCase();
    const outline = parameters.get('outline')?.trim().toLowerCase() === 'true';
    writeNested(out, headings, {
      style: style !== undefined && LIST_STYLES.has(style) ? style : outline ? 'none' : undefined,
      outline,
    });
  }
  out.close(container);
}

function writeFlat(out: HtmlWriter, headings: readonly TocHeading[], separator: string): void {
  const [before, after, between] = lookup(SEPARATORS, separator) ?? ['', '', ` ${separator} `];
  out.open('span', { class: 'pw-toc-flat' });
  headings.forEach((heading, index) => {
    if (index > 0) out.text(between);
    out.text(before);
    out.element('a', { href: '#' + heading.targetId }, heading.text);
    out.text(after);
  });
  out.close('span');
}

interface NestedOptions {
  style: string | undefined;
  outline: boolean;
}

/** Nested lists by heading level, relative to the shallowest heading listed. */
function writeNested(out: HtmlWriter, headings: readonly TocHeading[], options: NestedOptions) {
  const base = Math.min(...headings.map((h) => h.level));
  const listAttributes = {
    class: 'pw-toc-list',
    style: options.style === undefined ? undefined : `list-style-type: ${options.style}`,
  };
  const counters: number[] = [0];
  out.open('ul', listAttributes);
  let depth = 0;
  let itemOpen = false;
  for (const heading of headings) {
    const target = heading.level - base;
    while (depth < target) {
      // A deeper heading right after a shallower gap still needs a list item to hang from.
      if (!itemOpen) out.open('li', { class: 'pw-toc-gap' });
      out.open('ul', listAttributes);
      depth++;
      counters[depth] = 0;
      itemOpen = false;
    }
    while (depth > target) {
      if (itemOpen) out.close('li');
      out.close('ul');
      depth--;
      itemOpen = true;
    }
    if (itemOpen) out.close('li');
    counters[depth] = (counters[depth] ?? 0) + 1;
    out.open('li');
    if (options.outline) {
      out.element('span', { class: 'pw-toc-number' }, counters.slice(0, depth + 1).join('.') + ' ');
    }
    out.element('a', { href: '#' + heading.targetId }, heading.text);
    itemOpen = true;
  }
  while (depth > 0) {
    if (itemOpen) out.close('li');
    out.close('ul');
    depth--;
    itemOpen = true;
  }
  if (itemOpen) out.close('li');
  out.close('ul');
}
