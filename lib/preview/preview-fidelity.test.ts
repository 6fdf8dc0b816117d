// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { checkWithConfluence } from '@/lib/confluence/check-with-confluence';
import { parseStorage } from '@/lib/storage-format/parse';

import { classifyBlocksByOffset, type Resolution, resolutionFromCheck } from './preview-fidelity';
import { badgesByOffset, summarizeFidelity } from './preview-fidelity-badges';

const macro = (name: string, inner = '') =>
  `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;

const NO_RESOLUTION: Resolution = {
  missingAttachments: new Set(),
  missingPages: new Set(),
  unknownMacros: new Set(),
  checkedMacros: new Set(),
};

function classify(body: string, resolution?: Resolution) {
  return classifyBlocksByOffset(parseStorage(body), resolution);
}

describe('classifyBlocksByOffset', () => {
  it('calls plain XHTML exact, one entry per top-level block keyed by its source range', () => {
    const blocks = classify(
      '<h1>Title</h1>\n<p>one\ntwo</p>\n<table><tbody><tr><td>x</td></tr></tbody></table>',
    );
    expect(blocks).toEqual([
      { start: 0, end: 14, fidelity: 'exact', reasons: [] },
      { start: 15, end: 29, fidelity: 'exact', reasons: [] },
      { start: 30, end: 79, fidelity: 'exact', reasons: [] },
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

  it('judges top-level elements on one line each on their own', () => {
    const body = `<p>a</p>${macro('info')}`;
    expect(classify(body)).toEqual([
      { start: 0, end: 8, fidelity: 'exact', reasons: [] },
      {
        start: 8,
        end: body.length,
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
    expect(classify(moved, resolution)[1]).toMatchObject({
      start: moved.indexOf('<p>'),
      fidelity: 'unresolved',
    });
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
      text: '1 unresolved, 3 approximate blocks',
    });
    expect(summarizeFidelity(classify('<p>x</p>')).text).toBe('Every block exact');
    expect(summarizeFidelity(classify(macro('info'))).text).toBe('1 approximate block');
  });

  it('gives one badge per block that is not exact, keyed by its start offset', () => {
    const body = `<p>plain</p>${macro('jira')}<p>${macro('nope')}</p>`;
    expect([...badgesByOffset(classify(body))]).toEqual([
      [12, { fidelity: 'approximate', label: 'Approximate: jira macro rendered by Pagewright' }],
      [
        body.lastIndexOf('<p>'),
        { fidelity: 'unresolved', label: 'Unresolved: unknown macro nope' },
      ],
    ]);
  });
});
