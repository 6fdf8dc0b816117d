import type { ElementNode, StorageNode } from '../types';

/**
 * Small read helpers over the parse tree, shared by the element and macro renderers.
 *
 * Child and attribute lists are walked with indexed loops in the renderer's per-element paths:
 * `for…of` over them (some are the parser's shared frozen empty list) was not optimised into a
 * plain loop there and allocated an iterator result per item.
 */

// The element lookups the checks use too, from their one definition.
export { attr, childElement } from '../tree-queries';

/** First child element whose prefix is `prefix` (e.g. the `ri:` target of a link). */
export function childWithPrefix(element: ElementNode, prefix: string): ElementNode | undefined {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.prefix === prefix) return child;
  }
  return undefined;
}

/** Elements that hold no visible text of their own (bookkeeping and identifiers). */
const INVISIBLE_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'ac:parameter',
  'ac:default-parameter',
  'ac:task-id',
  'ac:task-uuid',
  'ac:task-status',
  'ac:adf-attribute',
]);

/**
 * Concatenated text and CDATA below `node`, skipping parameters and task bookkeeping
 * (heading text for ids and the toc). Iterative, so deep trees cannot overflow the stack.
 */
export function visibleText(node: StorageNode): string {
  let out = '';
  const stack: StorageNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text' || current.type === 'cdata') out += current.value;
    else if (current.type === 'element' && !INVISIBLE_TEXT_ELEMENTS.has(current.name)) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return out;
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(value: string): string {
  return isCollapsedAscii(value) ? value : value.replace(/\s+/g, ' ').trim();
}

/**
 * True when `value` is printable ASCII with single spaces between words only, which collapsing
 * leaves as it is (most heading text): no regex pass and no copy then. Anything else, including
 * non-ASCII (some of it is whitespace to `\s`), takes the regex.
 */
function isCollapsedAscii(value: string): boolean {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c !== 0x20 || i === 0 || i === last || value.charCodeAt(i + 1) === 0x20) return false;
  }
  return true;
}

/**
 * `value.trim().toLowerCase()`, without the two copies when `value` is already printable ASCII
 * without capitals (macro names and most parameter values, read for every macro).
 */
export function trimmedLowerCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x41 && c <= 0x5a)) return value.trim().toLowerCase();
  }
  return value;
}

/** A positive integer attribute within [1, max], or undefined. */
export function positiveInt(raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

/** A simple token (`[A-Za-z0-9_-]`, ≤ 40 chars) for class-like values, else undefined. */
export function safeToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.length === 0 || raw.length > 40) return undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) return undefined;
  }
  return raw;
}

/**
 * `record[key]` for a key taken from the body, without inherited properties: `constructor` or
 * `__proto__` in a macro parameter must not find Object.prototype's members.
 */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
