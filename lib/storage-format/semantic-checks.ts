/**
 * Semantic warnings: what Confluence ACCEPTS (the body is well-formed) but silently gets wrong on
 * the page — unknown macros and parameters, misplaced resource identifiers, block markup in
 * paragraphs, raw images, empty links, broken layouts and tasks, unresolved anchors. Never
 * errors: those are only what Confluence's XML parser rejects (see parse.ts).
 *
 * One walk over the tree; each element is dispatched on its name, with cheap per-node work.
 * Findings about an element as a whole cover its span; findings about a tag or attribute (macro
 * names, ids, layout types) cover just that, so a large macro does not underline the page.
 */
import { AnchorRegistry } from './semantic-checks-anchors';
import { checkAdfPart, checkCard, checkTableWidth } from './semantic-checks-cloud';
import * as context from './semantic-checks-context';
import { MacroChecker } from './semantic-checks-macros';
import * as structure from './semantic-checks-structure';
import type { Diagnostic, DocumentNode, ElementNode, PositionMapper, StorageNode } from './types';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { attributeNamed, SemanticReport } = context;
type SemanticReport = context.SemanticReport;
const {
  checkEmptyLink,
  checkImage,
  checkLayoutSection,
  checkParagraph,
  checkResourcePlacement,
  checkTask,
} = structure;

const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

class SemanticWalker {
  readonly report: SemanticReport;
  private readonly macros: MacroChecker;
  private readonly anchors = new AnchorRegistry();

  constructor(positions: PositionMapper) {
    this.report = new SemanticReport(positions);
    this.macros = new MacroChecker(this.report, (name) => this.anchors.addName(name));
  }

  run(document: DocumentNode): Diagnostic[] {
    this.visitChildren(document.children, null, false);
    this.anchors.reportUnresolved(this.report);
    return this.report.diagnostics();
  }

  private visitChildren(
    nodes: readonly StorageNode[],
    parent: ElementNode | null,
    inParameter: boolean,
  ): void {
    // Indexed loops throughout the checks: `for…of` over child lists (some of them the parser's
    // shared frozen empty list) was not optimised away here, and allocated an iterator result
    // per child, ~10 MB of garbage per check of a 1 MB page.
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'element') this.visitElement(node, parent, inParameter);
    }
  }

  private visitElement(element: ElementNode, parent: ElementNode | null, inParameter: boolean) {
    const id = attributeNamed(element, 'id');
    if (id !== undefined) this.anchors.addName(id.value);
    let childrenInParameter = inParameter;
    switch (element.name) {
      case 'p':
        checkParagraph(element, this.report);
        break;
      case 'ac:structured-macro':
      case 'ac:macro':
        this.macros.check(element);
        break;
      case 'ac:parameter':
      case 'ac:default-parameter':
        childrenInParameter = true;
        break;
      case 'ac:link':
        this.visitLink(element, inParameter);
        break;
      case 'img':
        checkImage(element, this.report);
        break;
      case 'ac:layout-section':
        checkLayoutSection(element, this.report);
        break;
      case 'ac:task':
        checkTask(element, this.report);
        break;
      case 'ac:adf-extension':
      case 'ac:adf-node':
      case 'ac:adf-attribute':
      case 'ac:adf-content':
      case 'ac:adf-fallback':
        checkAdfPart(element, parent, this.report);
        break;
      case 'a':
        checkCard(element, this.report);
        break;
      case 'table':
        checkTableWidth(element, this.report);
        break;
      default:
        if (element.name.startsWith('ri:')) checkResourcePlacement(element, parent, this.report);
        else if (HEADINGS.has(element.name)) this.anchors.addHeading(element);
    }
    this.visitChildren(element.children, element, childrenInParameter);
  }

  private visitLink(link: ElementNode, inParameter: boolean): void {
    // In a macro parameter an empty <ac:link/> means "this page" (children display).
    if (!inParameter) checkEmptyLink(link, this.report);
    const anchor = attributeNamed(link, 'ac:anchor');
    if (anchor === undefined || anchor.value === '') return;
    const children = link.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'element' && child.name.startsWith('ri:')) return;
    }
    this.anchors.addLink(anchor.value, anchor.span);
  }
}

/**
 * Warnings ('warning') and advice ('info') about a parsed body, in document order, each with a
 * stable snake_case `code` and a message saying what happens on the page and how to fix it.
 */
export function checkSemantics(document: DocumentNode, positions: PositionMapper): Diagnostic[] {
  return new SemanticWalker(positions).run(document);
}
