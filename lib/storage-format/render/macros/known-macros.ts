import * as macroCatalogueModule from '../../macro-catalogue';
import type { MacroSpec } from '../../macro-catalogue';

// Module-level copies of helpers called per element: see the note in parser/start-tag.ts.
const { findMacro } = macroCatalogueModule;

/**
 * What the preview asks the shared macro catalogue: is a macro one Confluence knows (then a
 * placeholder labelled with its title, "shown by Confluence"), or unknown (an inert box)?
 */

function spec(name: string): MacroSpec | undefined {
  const trimmed = name.trim();
  return findMacro(trimmed) ?? findMacro(trimmed.toLowerCase());
}

/** The catalogue's title for a macro, or undefined for an unknown one. */
export function macroLabel(name: string): string | undefined {
  return spec(name)?.title;
}

/** True for a macro Confluence knows. */
export function isKnownMacro(name: string): boolean {
  return spec(name) !== undefined;
}

/** True for a macro that sits inside a line of text (status, anchor, one Jira issue …). */
export function isInlineMacro(name: string): boolean {
  return spec(name)?.inline ?? false;
}
