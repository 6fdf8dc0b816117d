/**
 * Catalogue data: macros that Marketplace apps provide and that real exported bodies contain
 * (diagrams, maths, translations, step lists). A site without the app shows them as unknown
 * macros; with it they work. Their parameters are the apps' business, so every entry is
 * open-ended: we document the common ones and never warn about others.
 */
import type { MacroParameterSpec, MacroSpec } from './macro-catalogue';

const FORMULA: MacroParameterSpec = {
  name: 'body',
  type: 'string',
  description: 'The LaTeX formula.',
};

interface AppMacroFields {
  title: string;
  description: string;
  category: MacroSpec['category'];
  app: string;
  body: MacroSpec['body'];
  inline?: boolean;
  parameters?: readonly MacroParameterSpec[];
}

function appMacro(name: string, fields: AppMacroFields): MacroSpec {
  return {
    name,
    ...fields,
    inline: fields.inline ?? false,
    parameters: fields.parameters ?? [],
    allowsUnknownParameters: true,
  };
}

export const APP_MACROS: readonly MacroSpec[] = [
  appMacro('plantuml', {
    title: 'PlantUML diagram',
    description: 'A UML (or other) diagram drawn from the PlantUML source in its plain-text body.',
    category: 'diagrams-and-maths',
    app: 'PlantUML for Confluence',
    body: 'plain',
  }),
  appMacro('plantumlcloud', {
    title: 'PlantUML diagram (Cloud)',
    description: 'A PlantUML diagram whose compressed source is stored in the data parameter.',
    category: 'diagrams-and-maths',
    app: 'PlantUML Diagrams for Confluence (Cloud)',
    body: 'none',
    parameters: [
      { name: 'data', type: 'string', description: 'Compressed diagram source.' },
      { name: 'filename', type: 'string', description: 'Attachment holding the diagram.' },
    ],
  }),
  appMacro('mermaid-cloud', {
    title: 'Mermaid diagram',
    description: 'A Mermaid diagram stored as an attachment of the page.',
    category: 'diagrams-and-maths',
    app: 'Mermaid Diagrams for Confluence',
    body: 'none',
    parameters: [{ name: 'filename', type: 'attachment', description: 'The diagram attachment.' }],
  }),
  appMacro('drawio', {
    title: 'draw.io diagram',
    description: 'A draw.io diagram stored as an attachment of the page.',
    category: 'diagrams-and-maths',
    app: 'draw.io Diagrams for Confluence',
    body: 'none',
    parameters: [{ name: 'diagramName', type: 'string', description: 'Name of the diagram.' }],
  }),
  appMacro('gliffy', {
    title: 'Gliffy diagram',
    description: 'A Gliffy diagram stored as an attachment of the page.',
    category: 'diagrams-and-maths',
    app: 'Gliffy Diagrams for Confluence',
    body: 'none',
    parameters: [{ name: 'name', type: 'string', description: 'Name of the diagram.' }],
  }),
  appMacro('mathblock', {
    title: 'Math block',
    description: 'A displayed LaTeX formula, given in the body parameter or the plain-text body.',
    category: 'diagrams-and-maths',
    app: 'LaTeX Math for Confluence',
    body: 'plain',
    parameters: [
      FORMULA,
      { name: 'anchor', type: 'string', description: 'Name to refer to the formula by.' },
    ],
  }),
  appMacro('mathinline', {
    title: 'Math (inline)',
    description: 'A LaTeX formula inside a line of text.',
    category: 'diagrams-and-maths',
    app: 'LaTeX Math for Confluence',
    body: 'none',
    inline: true,
    parameters: [FORMULA],
  }),
  appMacro('mathblock-ref', {
    title: 'Math block reference',
    description: 'A numbered reference to a math block with an anchor.',
    category: 'diagrams-and-maths',
    app: 'LaTeX Math for Confluence',
    body: 'none',
    inline: true,
    parameters: [{ name: 'anchor', type: 'string', description: 'The math block referred to.' }],
  }),
  appMacro('easy-math-block', {
    title: 'Math block (Cloud)',
    description: 'A displayed LaTeX formula, in Cloud (this is the name md2conf writes).',
    category: 'diagrams-and-maths',
    app: 'LaTeX Math for Confluence (Cloud)',
    body: 'none',
    parameters: [FORMULA],
  }),
  appMacro('eazy-math-inline', {
    title: 'Math inline (Cloud)',
    description: 'A LaTeX formula inside a line of text, in Cloud (the name md2conf writes).',
    category: 'diagrams-and-maths',
    app: 'LaTeX Math for Confluence (Cloud)',
    body: 'none',
    inline: true,
    parameters: [FORMULA],
  }),
  appMacro('sv-translation', {
    title: 'Translation',
    description: 'The content of the page in one language; readers see the one for their language.',
    category: 'content-reuse',
    app: 'Scroll Translations',
    body: 'rich',
    parameters: [{ name: 'language', type: 'string', description: 'Language code, e.g. en.' }],
  }),
  appMacro('ui-steps', {
    title: 'UI steps',
    description: 'A numbered list of steps, each a ui-step macro.',
    category: 'formatting',
    app: 'a UI macros app (not part of Confluence itself)',
    body: 'rich',
    parameters: [{ name: 'size', type: 'string', description: 'Size of the step numbers.' }],
  }),
  appMacro('ui-step', {
    title: 'UI step',
    description: 'One step inside ui-steps.',
    category: 'formatting',
    app: 'a UI macros app (not part of Confluence itself)',
    body: 'rich',
  }),
  appMacro('ui-text-box', {
    title: 'UI text box',
    description: 'A coloured box around its body.',
    category: 'formatting',
    app: 'a UI macros app (not part of Confluence itself)',
    body: 'rich',
    parameters: [{ name: 'size', type: 'string', description: 'Size of the box.' }],
  }),
];
