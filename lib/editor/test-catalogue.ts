import type { CatalogueMacro } from './catalogue-types';

/** A small catalogue for unit tests, shaped like the engine's MACRO_CATALOGUE entries. */
export const TEST_CATALOGUE: readonly CatalogueMacro[] = [
  {
    name: 'code',
    title: 'Code Block',
    description: 'Shows code with syntax highlighting.',
    body: 'plain',
    inline: false,
    parameters: [
      { name: 'language', type: 'enum', values: ['java', 'xml', 'js'], description: 'Language' },
      { name: 'linenumbers', type: 'boolean', default: 'false' },
      { name: 'title', type: 'string' },
    ],
  },
  {
    name: 'info',
    title: 'Info',
    description: 'A blue information panel.',
    body: 'rich',
    inline: false,
    parameters: [{ name: 'title', type: 'string' }],
  },
  {
    name: 'status',
    title: 'Status',
    description: 'A coloured lozenge.',
    body: 'none',
    inline: true,
    parameters: [
      { name: 'title', type: 'string', required: true },
      {
        name: 'colour',
        type: 'enum',
        values: ['Grey', 'Red', 'Green'],
        required: true,
        default: 'Grey',
      },
    ],
  },
  {
    name: 'toc',
    title: 'Table of Contents',
    description: 'Headings of the page.',
    body: 'none',
    inline: false,
    parameters: [{ name: 'maxLevel', type: 'number' }],
  },
  {
    name: 'jira',
    title: 'Jira',
    description: 'A Jira issue.',
    body: 'none',
    inline: false,
    parameters: [{ name: 'key', type: 'string', required: true }],
  },
];
