import { WHITESPACE_SENSITIVE_ELEMENTS } from '@/lib/storage-format/element-kinds';
import { holdsOnlyBlocks, isWhitespaceOnly } from '@/lib/storage-format/format';
import { parseStorage } from '@/lib/storage-format/parse';
import type { Span, StorageNode } from '@/lib/storage-format/types';

/**
 * A body as Confluence's own editor stores it: no whitespace between blocks, so the whole body
 * is one line (CDATA, `pre` and macro parameters keep their newlines; text inside a paragraph is
 * text and stays). Exactly the whitespace the canonical form drops is removed
 * (lib/storage-format/canonical.ts), so the body means the same to Confluence afterwards.
 */
export function toConfluenceLayout(body: string): string {
  const parsed = parseStorage(body);
  if (parsed.diagnostics.length > 0) {
    throw new Error(
      `toConfluenceLayout needs a well-formed body: ${parsed.diagnostics[0]!.message}`,
    );
  }
  const removed: Span[] = [];
  const { children } = parsed.document;
  collectBlankBetweenBlocks(children, holdsOnlyBlocks(children), removed);
  if (removed.length === 0) return body;
  const kept: string[] = [];
  let from = 0;
  for (const span of removed) {
    kept.push(body.slice(from, span.start));
    from = span.end;
  }
  kept.push(body.slice(from));
  return kept.join('');
}

function collectBlankBetweenBlocks(
  children: readonly StorageNode[],
  dropsBlank: boolean,
  out: Span[],
): void {
  for (const child of children) {
    if (child.type === 'text') {
      if (dropsBlank && isWhitespaceOnly(child.value)) out.push(child.span);
    } else if (child.type === 'element') {
      const childDropsBlank =
        !WHITESPACE_SENSITIVE_ELEMENTS.has(child.name) && holdsOnlyBlocks(child.children);
      collectBlankBetweenBlocks(child.children, childDropsBlank, out);
    }
  }
}
