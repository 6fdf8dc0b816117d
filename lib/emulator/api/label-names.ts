/**
 * Which label names Confluence refuses, and how it words the refusal (docs/confluence-api.md,
 * Labels): no spaces, at most 255 characters, none of the characters its label parser reserves.
 */
export const MAX_LABEL_LENGTH = 255;

/** The characters Confluence's label parser will not take (plus `<` and `>`, never markup). */
export const FORBIDDEN_LABEL_CHARACTERS = ":;,.?&[]()#^*@!'`<>";

const RULE = `Labels can't contain spaces or any of these characters: ${[...FORBIDDEN_LABEL_CHARACTERS].join(' ')}`;

/** Why Confluence refuses `name` as a label, in its words; null when the name is fine. */
export function labelNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Label name cannot be empty';
  if (/\s/.test(name)) return `Label '${name}' is not valid: ${RULE}`;
  if ([...name].length > MAX_LABEL_LENGTH)
    return `Label '${[...name].slice(0, 40).join('')}…' is too long: a label can have at most ${MAX_LABEL_LENGTH} characters`;
  const bad = [...new Set([...name].filter((char) => FORBIDDEN_LABEL_CHARACTERS.includes(char)))];
  if (bad.length > 0) return `Label '${name}' is not valid: ${RULE}`;
  return null;
}
