/**
 * Same-page anchor links (`<ac:link ac:anchor="x">` without an `ri:` target) whose anchor nothing
 * on the page defines. Targets are anchor macros, `id` attributes, and headings: Confluence gives
 * every heading an anchor built from its text with the spaces removed, and builds link targets
 * the same way, so "My Heading" and "MyHeading" meet.
 */
import { visibleText, type SemanticReport } from './semantic-checks-context';
import type { ElementNode, Span } from './types';

/** Spaces removed, as Confluence builds anchor ids; case folded so only real misses remain. */
function anchorKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/** Anchor names defined and same-page anchor links found during the walk, resolved at its end. */
export class AnchorRegistry {
  private readonly targets = new Set<string>();
  private readonly headings: ElementNode[] = [];
  private readonly links: { name: string; span: Span }[] = [];

  /** A name an anchor macro (or a macro's `anchor` parameter) defines. */
  addName(name: string): void {
    this.targets.add(anchorKey(name));
  }

  /** Heading text is read only at the end, and only if the page has anchor links at all. */
  addHeading(heading: ElementNode): void {
    this.headings.push(heading);
  }

  /** A link to an anchor of this page (the caller has checked it has no `ri:` target). */
  addLink(name: string, span: Span): void {
    this.links.push({ name, span });
  }

  reportUnresolved(report: SemanticReport): void {
    if (this.links.length === 0) return;
    for (const heading of this.headings) this.targets.add(anchorKey(visibleText(heading.children)));
    for (const link of this.links) {
      if (this.targets.has(anchorKey(link.name))) continue;
      report.add(
        'info',
        'unresolved_anchor',
        `No anchor macro, heading or id on this page is called "${link.name}", so the link ` +
          'goes to the top of the page. Add <ac:structured-macro ac:name="anchor"> with that ' +
          'name, or correct ac:anchor (anchors on another page need an <ri:page> target).',
        link.span,
      );
    }
  }
}
