import { describe, expect, it } from 'vitest';

import { check, codes, macro, parameter, plain, rich } from './testing/semantic-check-helpers';

describe('checkSemantics: messages and positions', () => {
  it('suggests the closest macro and parameter names', () => {
    const [unknownMacro] = check(macro('expnad', rich('<p>x</p>')));
    expect(unknownMacro?.message).toContain('Did you mean "expand"?');
    const [unknownParameter] = check(macro('code', parameter('langauge', 'java') + plain('x')));
    expect(unknownParameter?.message).toContain('Did you mean `language`?');
    const [far] = check(macro('completely-different'));
    expect(far?.message).not.toContain('Did you mean');
  });

  it('points at the ac:name attribute, the parameter element, and the start tag', () => {
    const source = [
      '<p>intro</p>',
      '<ac:structured-macro ac:name="infoo">',
      '  <ac:parameter ac:name="title">T</ac:parameter>',
      '</ac:structured-macro>',
      '<ac:structured-macro ac:name="info">',
      '  <ac:parameter ac:name="titel">T</ac:parameter>',
      '  <ac:rich-text-body><p>x</p></ac:rich-text-body>',
      '</ac:structured-macro>',
      '<ac:structured-macro ac:name="anchor"/>',
    ].join('\n');
    const found = check(source).map(({ code, line, column, endLine, endColumn }) => ({
      code,
      at: `${line}:${column}-${endLine}:${endColumn}`,
    }));
    expect(found).toEqual([
      { code: 'unknown_macro', at: '2:22-2:37' },
      { code: 'unknown_macro_parameter', at: '6:3-6:49' },
      { code: 'missing_macro_parameter', at: '9:1-9:40' },
    ]);
  });

  it('reports in document order, including anchors resolved at the end', () => {
    const source =
      '<p><ac:link ac:anchor="nowhere"><ac:link-body>a</ac:link-body></ac:link></p>' +
      macro('nope') +
      '<p><img src="a.png"/></p>';
    expect(codes(source)).toEqual([
      'info unresolved_anchor',
      'warning unknown_macro',
      'warning img_instead_of_ac_image',
    ]);
  });

  it('explains what happens on the page and how to fix it', () => {
    const [whitespace] = check(macro('code', parameter('language', '\n java\n') + plain('x')));
    expect(whitespace?.message).toContain('"\\n java\\n"');
    expect(whitespace?.message).toContain('"java"');
    const [image] = check('<p><img src="img/a.png"/></p>');
    expect(image?.message).toContain('<ri:attachment ri:filename="a.png"/>');
    const [layout] = check(
      '<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell/><ac:layout-cell/></ac:layout-section></ac:layout>',
    );
    expect(layout?.message).toContain('single layout section has 1 column');
  });
});
