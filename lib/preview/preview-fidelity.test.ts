// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { checkWithConfluence } from '@/lib/confluence/check-with-confluence';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderStorage } from '@/lib/storage-format/render';

import { classifyBlocks, type Resolution, resolutionFromCheck } from './preview-fidelity';
import { applyFidelityBadges, badgesByLine, summarizeFidelity } from './preview-fidelity-badges';

const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;

const NO_RESOLUTION: Resolution = {
  missingAttachments: new Set(),
  missingPages: new Set(),
  unknownMacros: new Set(),
  checkedMacros: new Set(),
};

/** A frame body holding `html`, parsed as the preview parses it. */
function bodyOf(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

function classify(body: string, resolution?: Resolution) {
  return classifyBlocks(parseStorage(body), resolution);
}

describe('classifyBlocks', () => {
  it('calls plain XHTML exact, one entry per top-level block keyed by its first line', () => {
    const blocks = classify(
      '<h1>Title</h1>\n<p>one\ntwo</p>\n<table><tbody><tr><td>x</td></tr></tbody></table>',
    );
    expect(blocks).toEqual([
      { line: 1, endLine: 1, fidelity: 'exact', reasons: [] },
      { line: 2, endLine: 3, fidelity: 'exact', reasons: [] },
      { line: 4, endLine: 4, fidelity: 'exact', reasons: [] },
    ]);
  });

  it('marks macros the preview draws itself, placeholders and inert html as approximate', () => {
    const blocks = classify(
      [
        macro('info', '<ac:rich-text-body><p>Hi</p></ac:rich-text-body>'),
        `<p>${macro('jira')}</p>`,
        macro('html', '<ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body>'),
        macro('anchor'),
      ].join('\n'),
    );
    expect(blocks.map((block) => [block.fidelity, block.reasons])).toEqual([
      ['approximate', ['info macro rendered by Pagewright']],
      ['approximate', ['jira macro rendered by Pagewright']],
      ['approximate', ['html macro not run in the preview']],
      ['exact', []],
    ]);
  });

  it('finds nested macros and mentions, without repeating a reason', () => {
    const [block] = classify(
      macro(
        'expand',
        `<ac:rich-text-body><p>${macro('status')} ${macro('status')} <ac:link><ri:user ri:account-id="1"/></ac:link></p></ac:rich-text-body>`,
      ),
    );
    expect(block!.reasons).toEqual([
      'expand macro rendered by Pagewright',
      'status macro rendered by Pagewright',
      'user mention shown without the person’s name',
    ]);
  });

  it('calls a macro no catalogue knows unresolved, unless Confluence said it knows it', () => {
    expect(classify(`<p>${macro('no-such-macro')}</p>`)[0]).toMatchObject({
      fidelity: 'unresolved',
      reasons: ['unknown macro no-such-macro'],
    });
    const knownToSite = { ...NO_RESOLUTION, checkedMacros: new Set(['no-such-macro']) };
    expect(classify(`<p>${macro('no-such-macro')}</p>`, knownToSite)[0]!.fidelity).toBe(
      'approximate',
    );
    const unknownToSite = { ...NO_RESOLUTION, unknownMacros: new Set(['info']) };
    expect(classify(macro('info'), unknownToSite)[0]).toMatchObject({
      fidelity: 'unresolved',
      reasons: ['Confluence does not know the info macro'],
    });
  });

  it('calls blocks with missing attachments or unresolved page links unresolved, and only those', () => {
    const body = [
      '<p><ac:image><ri:attachment ri:filename="missing.png" /></ac:image></p>',
      '<p><ac:image><ri:attachment ri:filename="there.png" /></ac:image></p>',
      '<p><ac:link><ri:page ri:content-title="Gone Page" /></ac:link></p>',
      '<p><ac:link><ri:page ri:space-key="TEAM" ri:content-title="Gone Page" /></ac:link></p>',
      `<p>${macro('status')}<ac:image><ri:attachment ri:filename="missing.png" /></ac:image></p>`,
    ].join('\n');
    // Without a check, references are assumed to resolve.
    expect(classify(body).map((block) => block.fidelity)).toEqual([
      'exact',
      'exact',
      'exact',
      'exact',
      'approximate',
    ]);
    const resolution: Resolution = {
      ...NO_RESOLUTION,
      missingAttachments: new Set(['\nmissing.png']),
      missingPages: new Set(['\ngone page']),
    };
    expect(classify(body, resolution).map((block) => [block.fidelity, block.reasons])).toEqual([
      ['unresolved', ['attachment missing.png not found']],
      ['exact', []],
      ['unresolved', ['page “Gone Page” not found']],
      ['exact', []],
      // The worst reason decides and is the one named.
      ['unresolved', ['attachment missing.png not found']],
    ]);
  });

  it('judges top-level elements on one line together, as they share a data-source-line', () => {
    expect(classify(`<p>a</p>${macro('info')}`)).toEqual([
      {
        line: 1,
        endLine: 1,
        fidelity: 'approximate',
        reasons: ['info macro rendered by Pagewright'],
      },
    ]);
  });
});

describe('resolutionFromCheck', () => {
  const body = [
    '<p><ac:image><ri:attachment ri:filename="missing.png" /></ac:image></p>',
    '<p><ac:link><ri:attachment ri:filename="n.txt"><ri:page ri:content-title="Other" /></ri:attachment></ac:link></p>',
    '<p><ac:link><ri:page ri:content-title="Gone" /></ac:link> ' + macro('mystery') + '</p>',
  ].join('\n');

  // The real check, against a fake Confluence: its warnings must land on the right references.
  const check = (checked: string) =>
    checkWithConfluence(
      checked,
      {
        renderView: async () => '<p>Unknown macro: {mystery}</p>',
        findPagesByTitle: async (_space, title) =>
          title === 'Other' ? [{ id: '7', title: 'Other', status: 'current' }] : [],
        hasAttachment: async (pageId, filename) => pageId === '1' && filename === 'there.png',
      },
      { pageId: '1', spaceKey: 'DEMO' },
    );

  it('maps the check warnings to what they are about, by their position', async () => {
    const answer = await check(body);
    const resolution = resolutionFromCheck(body, answer);
    expect([...resolution.missingAttachments].sort()).toEqual(['\nmissing.png', '\nother\nn.txt']);
    expect([...resolution.missingPages]).toEqual(['\ngone']);
    expect([...resolution.unknownMacros]).toEqual(['mystery']);
    expect([...resolution.checkedMacros]).toEqual(['mystery']);
    // A warning that points nowhere known is ignored.
    const stray = resolutionFromCheck(body, {
      diagnostics: [{ code: 'unresolved_page_reference', line: 9, column: 1 }],
      notChecked: [],
    });
    expect(stray.missingPages.size).toBe(0);
  });

  it('keeps the references resolved while the text moves (keys, not positions)', async () => {
    const resolution = resolutionFromCheck(body, await check(body));
    const moved = `<h1>New heading</h1>\n\n${body}`;
    expect(classify(moved, resolution)[1]).toMatchObject({ line: 3, fidelity: 'unresolved' });
  });

  it('does not take silence about macros as "known" when Confluence could not read the body', () => {
    const resolution = resolutionFromCheck(body, {
      diagnostics: [],
      notChecked: ['macros (Confluence could not read the body)'],
    });
    expect(resolution.checkedMacros.size).toBe(0);
  });
});

describe('summaries and badges', () => {
  it('counts non-exact blocks in words', () => {
    const blocks = classify(
      `${macro('info')}\n${macro('code')}\n<p>x</p>\n<p>${macro('nope')}</p>\n${macro('toc')}`,
    );
    expect(summarizeFidelity(blocks)).toEqual({
      approximate: 3,
      unresolved: 1,
      text: '3 approximate, 1 unresolved blocks',
    });
    expect(summarizeFidelity(classify('<p>x</p>')).text).toBe('Every block exact');
    expect(summarizeFidelity(classify(macro('info'))).text).toBe('1 approximate block');
  });

  it('marks the rendered blocks by data-source-line and unmarks them when they become exact', () => {
    const body = `<p>plain</p>\n<p>${macro('jira')}</p>\n<p>${macro('nope')}</p>`;
    const frameBody = bodyOf(renderStorage(body));
    applyFidelityBadges(frameBody, badgesByLine(classify(body)));
    const marks = Array.from(frameBody.children).map((element) => [
      element.getAttribute('data-pw-fidelity'),
      element.getAttribute('data-pw-fidelity-label'),
    ]);
    expect(marks).toEqual([
      [null, null],
      ['approximate', 'Approximate: jira macro rendered by Pagewright'],
      ['unresolved', 'Unresolved: unknown macro nope'],
    ]);
    applyFidelityBadges(frameBody, new Map());
    expect(frameBody.querySelectorAll('[data-pw-fidelity],[data-pw-fidelity-label]')).toHaveLength(
      0,
    );
  });

  it('removes a badge attribute a page wrote itself', () => {
    const frameBody = bodyOf(
      '<p data-source-line="1" data-pw-fidelity="unresolved" data-pw-fidelity-label="Fake">x</p>',
    );
    applyFidelityBadges(frameBody, new Map());
    expect(frameBody.firstElementChild!.getAttributeNames()).toEqual(['data-source-line']);
  });
});
