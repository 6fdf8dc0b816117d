import { describe, expect, it } from 'vitest';

import {
  attachmentNameProblem,
  attachmentReference,
  attachmentTypeProblem,
  escapeAttribute,
  formDataFilename,
} from './names';

describe('attachment names', () => {
  it.each([
    ['../evil.png', /folder path/],
    ['..\\evil.png', /folder path/],
    ['dir/file.png', /folder path/],
    ['..', /folder path/],
    ['tab\there.png', /control characters/],
    ['bell\u0007.png', /control characters/],
    ['<script>alert(1)<script>.png', /markup/],
    [' padded.png', /space/],
    ['', /needs a name/],
    ['x'.repeat(256), /255/],
  ])('refuses %j', (name, reason) => {
    expect(attachmentNameProblem(name)).toMatch(reason);
  });

  it.each([['diagram.png'], ['Q3 "final" report & notes.pdf'], ['ünïcödé 图.png'], ['.hidden']])(
    'accepts %j',
    (name) => {
      expect(attachmentNameProblem(name)).toBeNull();
    },
  );

  it('refuses types a browser would run, whatever their case', () => {
    expect(attachmentTypeProblem('page.HTML')).toMatch(/\.html files/);
    expect(attachmentTypeProblem('logo.svg')).toMatch(/\.svg/);
    expect(attachmentTypeProblem('photo.png')).toBeNull();
  });
});

describe('storage snippet', () => {
  it('shows images and links other files', () => {
    expect(attachmentReference('a.png', 'image/png')).toBe(
      '<ac:image><ri:attachment ri:filename="a.png" /></ac:image>',
    );
    expect(attachmentReference('notes.pdf', 'application/pdf')).toBe(
      '<ac:link><ri:attachment ri:filename="notes.pdf" /></ac:link>',
    );
  });

  it('escapes the name as an attribute value', () => {
    expect(escapeAttribute('a "b" & <c>')).toBe('a &quot;b&quot; &amp; &lt;c&gt;');
    expect(attachmentReference('say "hi" & co.png', 'image/png')).toContain(
      'ri:filename="say &quot;hi&quot; &amp; co.png"',
    );
  });

  it('percent-encodes quotes and line breaks in a multipart file name', () => {
    expect(formDataFilename('a"b\r\nc.png')).toBe('a%22b%0D%0Ac.png');
  });
});
