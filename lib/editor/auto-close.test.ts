import { describe, expect, it } from 'vitest';

import { autoCloseAt } from './auto-close';

/** `text` ends with the character just typed. */
function typed(text: string) {
  return autoCloseAt(text, text.length, text.slice(-1));
}

describe('autoCloseAt', () => {
  it('closes a start tag when `>` is typed', () => {
    expect(typed('<p>')).toEqual({ text: '</p>', cursorAfter: false });
    expect(typed('<ac:structured-macro ac:name="info">')).toEqual({
      text: '</ac:structured-macro>',
      cursorAfter: false,
    });
  });

  it('leaves void, self-closed, resource and end tags alone', () => {
    for (const text of [
      '<br>',
      '<p/>',
      '<ri:page ri:content-title="x">',
      '</p>',
      '<ac:emoticon ac:name="x">',
    ])
      expect(typed(text)).toBeNull();
  });

  it('ignores `>` inside an attribute value, a comment or CDATA', () => {
    expect(autoCloseAt('<p title="a>', 12, '>')).toBeNull();
    expect(typed('<!-- <p>')).toBeNull();
    expect(typed('<![CDATA[<p>')).toBeNull();
  });

  it('completes the innermost end tag after `</`', () => {
    expect(typed('<ul><li>x</')).toEqual({ text: 'li>', cursorAfter: true });
    expect(typed('<ul><li>x</li></')).toEqual({ text: 'ul>', cursorAfter: true });
    expect(typed('<p>x</p></')).toBeNull();
  });

  it('does not complete when a name already follows', () => {
    expect(autoCloseAt('<p>x</p>', 5, '/')).toBeNull();
    expect(autoCloseAt('<p>a</</p>', 6, '/')).toBeNull();
  });
});
