import { createLineIndex } from './line-index';
import { scanElements } from './tag-scanner';

/** A foldable region: lines `start..end` (1-based); `start` stays visible when folded. */
export interface FoldRange {
  start: number;
  end: number;
  kind?: 'comment';
}

/**
 * Fold ranges from element pairs spanning several lines (the closing tag's line stays visible),
 * plus multi-line comments and CDATA sections.
 */
export function foldingRanges(text: string): FoldRange[] {
  const lines = createLineIndex(text);
  const ranges: FoldRange[] = [];
  scanElements(
    text,
    text.length,
    (pair) => {
      if (pair.closeStart === null) return;
      const start = lines.lineAt(pair.openStart);
      const end = lines.lineAt(pair.closeStart) - 1;
      if (end > start) ranges.push({ start, end });
    },
    false,
  );
  for (const match of text.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g)) {
    const start = lines.lineAt(match.index);
    const end = lines.lineAt(match.index + match[0].length - 1);
    if (end > start)
      ranges.push(match[0].startsWith('<!--') ? { start, end, kind: 'comment' } : { start, end });
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}
