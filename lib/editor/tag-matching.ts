import { scanElements, tagAt } from './tag-scanner';

/** `[start, end)` offsets of a tag name. */
export interface NameRange {
  start: number;
  end: number;
}

/**
 * When `offset` is on the name of a start or end tag that has a partner, the name ranges of both
 * (start tag first): used to highlight the matching tag and to rename both at once.
 */
export function matchingTagNames(text: string, offset: number): [NameRange, NameRange] | null {
  const tag = tagAt(text, offset);
  if (!tag || tag.selfClosing || offset < tag.nameStart || offset > tag.nameEnd || tag.name === '')
    return null;
  let result: [NameRange, NameRange] | null = null;
  scanElements(text, text.length, (pair) => {
    if (result || pair.closeStart === null) return;
    if (pair.openStart !== tag.start && pair.closeStart !== tag.start) return;
    const openName = pair.openStart + 1;
    const closeName = pair.closeStart + 2;
    result = [
      { start: openName, end: openName + pair.name.length },
      { start: closeName, end: closeName + pair.name.length },
    ];
  });
  return result;
}
