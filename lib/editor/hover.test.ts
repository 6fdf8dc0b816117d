import { describe, expect, it } from 'vitest';

import { hoverAt } from './hover';
import { TEST_CATALOGUE } from './test-catalogue';

function hover(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return hoverAt(text, offset, TEST_CATALOGUE);
}

describe('hoverAt', () => {
  it('documents a macro from its ac:name value', () => {
    const info = hover('<ac:structured-macro ac:name="co|de"></ac:structured-macro>');
    expect(info?.markdown).toContain('**Code Block**');
    expect(info?.markdown).toContain('`language` (enum): `java` | `xml` | `js` — Language');
    expect(info).toMatchObject({ start: 30, end: 34 });
  });

  it('documents a macro from its tag name', () => {
    expect(hover('<ac:structured-ma|cro ac:name="info">')?.markdown).toContain('**Info**');
  });

  it('documents a parameter in the context of its macro', () => {
    const info = hover(
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="col|our">Red</ac:parameter>',
    );
    expect(info?.markdown).toContain('**colour** — parameter of the Status macro');
    expect(info?.markdown).toContain('required');
  });

  it('names the unnamed parameter as it is written, never as an empty name', () => {
    const catalogue = [
      ...TEST_CATALOGUE,
      {
        name: 'anchor',
        title: 'Anchor',
        description: 'An invisible link target.',
        body: 'none' as const,
        inline: true,
        parameters: [{ name: '', type: 'string', required: true, description: 'The anchor name.' }],
      },
    ];
    const offset = '<ac:structured-macro ac:name="anc'.length;
    const info = hoverAt('<ac:structured-macro ac:name="anchor"/>', offset, catalogue);
    expect(info?.markdown).toContain(
      '- unnamed (`<ac:parameter ac:name="">`) (string, required) — The anchor name.',
    );
    expect(info?.markdown).not.toContain('``');
  });

  it('says when a macro is unknown', () => {
    expect(hover('<ac:structured-macro ac:name="nope|">')?.markdown).toContain('not a macro');
  });

  it('shows the character of an entity, and flags undeclared ones', () => {
    expect(hover('<p>&md|ash;</p>')?.markdown).toContain('—');
    expect(hover('<p>&#x2014|;</p>')?.markdown).toContain('U+2014');
    expect(hover('<p>&che|ck;</p>')?.markdown).toContain('Confluence rejects it');
  });

  it('returns null elsewhere', () => {
    expect(hover('<p>te|xt</p>')).toBeNull();
    expect(hover('<p class="x|">t</p>')).toBeNull();
  });
});
