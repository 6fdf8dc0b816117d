/**
 * Checks of one macro element (`ac:structured-macro` or the legacy `ac:macro`): its name, its
 * id, its parameters and its body kind. Macro-level findings point at the start tag (or the
 * offending attribute), not the whole macro, so a big expand does not underline the page.
 */
import * as macroCatalogueModule from './macro-catalogue';
import type { MacroSpec } from './macro-catalogue';
import * as semanticChecksContextModule from './semantic-checks-context';
import type { SemanticReport } from './semantic-checks-context';
import * as semanticChecksParametersModule from './semantic-checks-parameters';
import { closestName } from './semantic-checks-suggest';
import type { ElementNode } from './types';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { catalogueNames, findMacro } = macroCatalogueModule;
const { attributeNamed, isBlank } = semanticChecksContextModule;
const { checkParameter, missingRequiredParameters, parameterLabel } =
  semanticChecksParametersModule;

const NO_PARAMETERS: ReadonlySet<string> = new Set();

/** Per-document state of the macro checks. */
export class MacroChecker {
  private readonly macroIds = new Set<string>();

  /**
   * @param onAnchor hears every anchor name a macro defines: the anchor macro's unnamed
   *   parameter, and any macro's `anchor` parameter (math blocks have one).
   */
  constructor(
    private readonly report: SemanticReport,
    private readonly onAnchor: (name: string) => void,
  ) {}

  /** The catalogue entry the macro resolves to (after reporting name problems), if any. */
  check(macro: ElementNode): MacroSpec | undefined {
    if (macro.name === 'ac:macro') {
      this.report.add(
        'info',
        'legacy_macro',
        '<ac:macro> is the storage form of Confluence 4.x and earlier. It still works, but ' +
          'current editors write <ac:structured-macro>; convert it when you touch this macro.',
        macro.openTag,
      );
    }
    this.checkMacroId(macro);
    const nameAttribute = attributeNamed(macro, 'ac:name');
    if (nameAttribute === undefined || isBlank(nameAttribute.value)) {
      this.report.add(
        'warning',
        'macro_without_name',
        'This macro has no ac:name, so Confluence cannot tell which macro it is and the page ' +
          'shows an error box instead. Add ac:name="…" (e.g. ac:name="info").',
        macro.openTag,
      );
      this.checkParameters(macro, '(unnamed)', undefined);
      return undefined;
    }
    const spec = this.resolveName(nameAttribute.value, nameAttribute.span);
    this.checkParameters(macro, spec?.name ?? nameAttribute.value, spec);
    if (spec !== undefined) this.checkBody(macro, spec);
    return spec;
  }

  private checkMacroId(macro: ElementNode): void {
    const id = attributeNamed(macro, 'ac:macro-id');
    if (id === undefined || id.value === '') return;
    if (!this.macroIds.has(id.value)) {
      this.macroIds.add(id.value);
      return;
    }
    // Advice only: Confluence's own exports hold duplicates (copy and paste in the editor keeps
    // the id), and the page still renders.
    this.report.add(
      'info',
      'duplicate_macro_id',
      `Another macro on this page already has ac:macro-id="${id.value}" (copied markup?). ` +
        'The page renders, but features that find a macro by its id (editing a macro in ' +
        'place, inline comments and reports that point into it) may pick the wrong one. ' +
        'Remove the attribute from the copy; Confluence generates a new id when it saves.',
      id.span,
    );
  }

  private resolveName(name: string, span: ElementNode['span']): MacroSpec | undefined {
    const exact = findMacro(name);
    if (exact !== undefined) return exact;
    const trimmed = name.trim();
    const trimmedSpec = findMacro(trimmed);
    if (trimmedSpec !== undefined) {
      this.report.add(
        'warning',
        'unknown_macro',
        `The macro name ${JSON.stringify(name)} has spaces around it, so Confluence does not ` +
          `find the ${trimmed} macro and shows an "unknown macro" box. Write ac:name="${trimmed}".`,
        span,
      );
      return trimmedSpec;
    }
    const lowerSpec = findMacro(trimmed.toLowerCase());
    if (lowerSpec !== undefined) {
      this.report.add(
        'info',
        'unknown_macro',
        `Macro names are written in lower case: Confluence's own bodies say ` +
          `ac:name="${lowerSpec.name}", and not every reader matches "${name}" to it.`,
        span,
      );
      return lowerSpec;
    }
    const suggestion = closestName(trimmed, catalogueNames());
    this.report.add(
      'warning',
      'unknown_macro',
      `Unknown macro "${name}": it is not a Confluence macro Pagewright knows, so unless an ` +
        'app on your site provides it, the page shows an "unknown macro" box.' +
        (suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`),
      span,
    );
    return undefined;
  }

  private checkParameters(macro: ElementNode, macroName: string, spec: MacroSpec | undefined) {
    const isAnchorMacro = spec?.name === 'anchor';
    let present: Set<string> | undefined;
    const children = macro.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'element') continue;
      if (child.name !== 'ac:parameter' && child.name !== 'ac:default-parameter') continue;
      const checked = checkParameter(child, macroName, spec, this.report);
      if (!checked.hasValue) continue;
      (present ??= new Set()).add(checked.name);
      if (checked.name === 'anchor' || (isAnchorMacro && checked.name === '')) {
        this.onAnchor(checked.text);
      }
    }
    if (spec === undefined) return;
    for (const missing of missingRequiredParameters(spec, present ?? NO_PARAMETERS)) {
      this.report.add(
        'warning',
        'missing_macro_parameter',
        `The ${spec.name} macro needs ${parameterLabel(missing.name)} (${missing.description}) ` +
          'and shows an error or nothing without it. Add ' +
          `<ac:parameter ac:name="${missing.name}">…</ac:parameter>.`,
        macro.openTag,
      );
    }
  }

  private checkBody(macro: ElementNode, spec: MacroSpec): void {
    const children = macro.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'element') continue;
      const kind =
        child.name === 'ac:rich-text-body'
          ? 'rich'
          : child.name === 'ac:plain-text-body'
            ? 'plain'
            : undefined;
      if (kind === undefined || kind === spec.body) continue;
      // Open-ended (app) macros may take a body we do not know about.
      if (spec.body === 'none' && spec.allowsUnknownParameters === true) continue;
      this.report.add(
        'warning',
        'wrong_macro_body',
        wrongBodyMessage(spec, child.name),
        child.openTag,
      );
    }
  }
}

function wrongBodyMessage(spec: MacroSpec, bodyElement: string): string {
  if (spec.body === 'plain') {
    return (
      `The ${spec.name} macro reads only <ac:plain-text-body><![CDATA[…]]></ac:plain-text-body>; ` +
      `the content of <${bodyElement}> is not shown. Put the text in a plain-text body.`
    );
  }
  if (spec.body === 'rich') {
    return (
      `The ${spec.name} macro shows rich content from <ac:rich-text-body>; the <${bodyElement}> ` +
      'is ignored. Write <ac:rich-text-body><p>…</p></ac:rich-text-body> instead.'
    );
  }
  return `The ${spec.name} macro takes no body; Confluence ignores this <${bodyElement}>. Remove it.`;
}
