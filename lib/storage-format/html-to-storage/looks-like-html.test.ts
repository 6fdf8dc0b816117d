import { describe, expect, it } from 'vitest';

import { looksLikeHtml } from '../html-to-storage';

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><p>x</p>', true],
    ['<meta charset="utf-8"><b>x</b>', true],
    ['text <strong>bold</strong>', true],
    ['<table>\n<tr><td>1</td></tr></table>', true],
    ['a < b && c > d', false],
    ['List<String> items = new ArrayList<>();', false],
    ['plain text', false],
    ['<ac:structured-macro ac:name="toc"/>', false],
    ['<p>storage <ac:link><ri:page ri:content-title="x"/></ac:link></p>', false],
  ])('%j → %s', (input, expected) => {
    expect(looksLikeHtml(input)).toBe(expected);
  });
});
