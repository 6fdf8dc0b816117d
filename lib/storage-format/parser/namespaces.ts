import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';
import type { ScannedStartTag } from './start-tag';

/** Prefixes an element declares itself with `xmlns:x="…"`. */
export type NamespaceScope = ReadonlySet<string>;

/** Declared by Confluence's wrapper element (`xml` is built into XML itself). */
const PREDECLARED = new Set(['ac', 'ri', 'xml']);

function isDeclared(
  prefix: string,
  own: NamespaceScope | null,
  scopes: ReadonlyArray<NamespaceScope | null>,
): boolean {
  if (PREDECLARED.has(prefix) || own?.has(prefix)) return true;
  for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]?.has(prefix)) return true;
  return false;
}

/**
 * Woodstox's end-of-start-tag checks: namespace declarations, prefixes in scope, duplicate
 * attributes. Woodstox notices these at the tag's `>`, so that is where Confluence points.
 * `scopes` holds the declarations of each open element (null for most).
 */
export function checkNamespacesAndDuplicates(
  tag: ScannedStartTag,
  lt: number,
  scopes: ReadonlyArray<NamespaceScope | null>,
  sink: ErrorSink,
): NamespaceScope | null {
  // Nearly every tag: no attributes and a prefix that is always declared (or none).
  if (
    tag.attributes.length === 0 &&
    (tag.prefix === null || tag.prefix === 'ac' || tag.prefix === 'ri')
  ) {
    return null;
  }
  const tagEnd = tag.end - 1;
  let own: Set<string> | null = null;
  const { attributes } = tag;
  // Indexed, not `for…of`: runs for every tag with attributes (see semantic-checks.ts).
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index]!;
    if (attribute.name.charCodeAt(0) !== 120 /* x */ || !attribute.name.startsWith('xmlns:'))
      continue;
    const prefix = attribute.name.slice(6);
    if (attribute.value === '') {
      sink.error(
        'empty_namespace',
        `\`${attribute.name}\` cannot be empty.`,
        attribute.span.start,
        attribute.span.end,
        woodstox.emptyNamespace,
        attribute.valueSpan.end,
      );
    }
    (own ??= new Set()).add(prefix);
  }

  if (tag.prefix !== null && !isDeclared(tag.prefix, own, scopes)) {
    sink.error(
      'undeclared_prefix',
      `\`${tag.prefix}:\` is not a namespace Confluence knows (only \`ac:\` and \`ri:\`). If \`<${tag.name}>\` is meant as text, write \`&lt;${tag.name}>\`.`,
      lt,
      lt + 1 + tag.name.length,
      woodstox.undeclaredPrefix(tag.prefix),
      tagEnd,
    );
  }

  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index]!;
    const { name } = attribute;
    const colon = name.indexOf(':');
    // ac: and ri: (nearly every prefixed attribute) are always in scope: skip the lookup.
    if (colon > 0 && !name.startsWith('ac:') && !name.startsWith('ri:')) {
      const prefix = name.slice(0, colon);
      if (prefix !== 'xmlns' && !isDeclared(prefix, own, scopes)) {
        sink.error(
          'undeclared_prefix',
          `\`${prefix}:\` is not a namespace Confluence knows (only \`ac:\` and \`ri:\`), so \`${name}\` is rejected.`,
          attribute.span.start,
          attribute.span.start + name.length,
          woodstox.undeclaredAttributePrefix(prefix, name.slice(colon + 1)),
          tagEnd,
        );
      }
    }
    // Tags carry a handful of attributes: a linear scan beats allocating a Set per tag.
    for (let earlier = 0; earlier < index; earlier++) {
      if (attributes[earlier]!.name !== name) continue;
      sink.error(
        'duplicate_attribute',
        `\`${name}\` is given twice on \`<${tag.name}>\`: keep one.`,
        attribute.span.start,
        attribute.span.end,
        woodstox.duplicateAttribute(name),
        tagEnd,
      );
      break;
    }
  }
  return own;
}
