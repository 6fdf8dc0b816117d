import type { CatalogueMacro, CatalogueParameter } from './catalogue-types';

/**
 * How a macro and its parameters are written and explained in the editor: the snippet a completion
 * inserts, and the documentation shown by completion and hover.
 */

/** Escapes text for a snippet placeholder (`$`, `}` and `\` are special there). */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

/** Escapes a choice value inside `${1|a,b|}`. */
export function choiceText(text: string): string {
  return text.replace(/[$}\\,|]/g, (char) => `\\${char}`);
}

/**
 * The full `ac:structured-macro` for a catalogue macro: required parameters as tab stops (a choice
 * list when the values are fixed), then the body its kind needs, with the final cursor inside it.
 * Inline macros are written on one line.
 */
export function macroSnippet(macro: CatalogueMacro): string {
  const parameters = macro.parameters
    .filter((parameter) => parameter.required)
    .map((parameter, index) => {
      const stop = index + 1;
      const value = parameter.values?.length
        ? `\${${stop}|${parameter.values.map(choiceText).join(',')}|}`
        : `\${${stop}:${snippetText(parameter.default ?? '')}}`;
      return `<ac:parameter ac:name="${parameter.name}">${value}</ac:parameter>`;
    });
  const open = `<ac:structured-macro ac:name="${macro.name}">`;
  const close = '</ac:structured-macro>';
  const body =
    macro.body === 'rich'
      ? macro.inline
        ? ['<ac:rich-text-body>$0</ac:rich-text-body>']
        : ['<ac:rich-text-body>', '\t<p>$0</p>', '</ac:rich-text-body>']
      : macro.body === 'plain'
        ? ['<ac:plain-text-body><![CDATA[$0]]></ac:plain-text-body>']
        : [];
  if (parameters.length === 0 && body.length === 0) {
    return `<ac:structured-macro ac:name="${macro.name}"/>$0`;
  }
  if (macro.inline) return `${open}${parameters.join('')}${body.join('')}${close}`;
  const inner = [...parameters, ...body].map((line) => `\t${line}`);
  const result = [open, ...inner, close].join('\n');
  return body.length === 0 ? `${result}$0` : result;
}

/** Markdown documentation of a macro: title, description and its parameters. */
export function macroDocumentation(macro: CatalogueMacro): string {
  const lines = [`**${macro.title}** — \`${macro.name}\` macro`, '', macro.description];
  if (macro.parameters.length > 0) {
    lines.push('', 'Parameters:');
    for (const parameter of macro.parameters) lines.push(`- ${parameterSummary(parameter)}`);
  }
  return lines.join('\n');
}

/**
 * How a parameter is named in docs. The default parameter has no name (anchor's name, for one):
 * it is written `<ac:parameter ac:name="">`, which is what the docs then say.
 */
function parameterName(parameter: CatalogueParameter): string {
  return parameter.name ? `\`${parameter.name}\`` : 'unnamed (`<ac:parameter ac:name="">`)';
}

/** One line: name, type, required/default, values, description. */
export function parameterSummary(parameter: CatalogueParameter): string {
  const facts = [parameter.type];
  if (parameter.required) facts.push('required');
  if (parameter.default !== undefined && parameter.default !== '')
    facts.push(`default \`${parameter.default}\``);
  let line = `${parameterName(parameter)} (${facts.join(', ')})`;
  if (parameter.values?.length) line += `: ${parameter.values.map((v) => `\`${v}\``).join(' | ')}`;
  if (parameter.description) line += ` — ${parameter.description}`;
  return line;
}

/** Markdown documentation of one parameter of `macro`. */
export function parameterDocumentation(
  macro: CatalogueMacro,
  parameter: CatalogueParameter,
): string {
  return [
    `**${parameter.name || 'Unnamed'}** — parameter of the ${macro.title} macro (\`${macro.name}\`)`,
    '',
    parameterSummary(parameter),
  ].join('\n');
}
