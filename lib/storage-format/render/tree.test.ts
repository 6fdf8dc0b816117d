import { describe, expect, it } from 'vitest';

import { collapseWhitespace, trimmedLowerCase } from './tree';

/** Inputs around the fast paths' edges: ASCII, single and double spaces, ends, other whitespace. */
const SAMPLES = [
  '',
  ' ',
  'a',
  'Heading',
  'Two words',
  'Two  spaces',
  ' leading',
  'trailing ',
  'tab\there',
  'line\nbreak',
  'no\u00a0break',
  'ideographic\u3000space',
  'zero\ufeffwidth',
  'Übersicht der Änderungen',
  'emoji 🚀 heading',
  'CODE',
  'code',
  'Code Block',
  'jira-issues',
  'x\u007fy',
  '  Mixed  Case\t',
];

describe('tree text helpers', () => {
  it('collapses whitespace exactly as the regex definition does', () => {
    for (const sample of SAMPLES) {
      expect(collapseWhitespace(sample), JSON.stringify(sample)).toBe(
        sample.replace(/\s+/g, ' ').trim(),
      );
    }
  });

  it('trims and lower-cases exactly as String.prototype does', () => {
    for (const sample of SAMPLES) {
      expect(trimmedLowerCase(sample), JSON.stringify(sample)).toBe(sample.trim().toLowerCase());
    }
  });
});
