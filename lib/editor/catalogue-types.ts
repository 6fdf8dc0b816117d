/**
 * The shape of the engine's macro catalogue that editor features read. Declared structurally (the
 * engine's `MacroSpec` is assignable to it) so completion and hover can be unit-tested with a
 * small fixture catalogue.
 */
export interface CatalogueParameter {
  name: string;
  type: string;
  required?: boolean;
  default?: string;
  values?: readonly string[];
  description?: string;
}

export interface CatalogueMacro {
  name: string;
  /** Older `ac:name`s meaning the same macro (e.g. `jiraissues` for `jira`). */
  aliases?: readonly string[];
  title: string;
  description: string;
  body: 'rich' | 'plain' | 'none';
  inline: boolean;
  parameters: readonly CatalogueParameter[];
}

/** Lookup by macro name (`ac:name` values are case-sensitive in storage, lower-case in practice). */
export function macroByName(
  catalogue: readonly CatalogueMacro[],
  name: string | undefined,
): CatalogueMacro | undefined {
  if (name === undefined) return undefined;
  return (
    catalogue.find((macro) => macro.name === name) ??
    catalogue.find((macro) => macro.aliases?.includes(name))
  );
}
