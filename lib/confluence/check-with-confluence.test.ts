import { describe, expect, it } from 'vitest';

import { checkWithConfluence, type CheckDependencies } from './check-with-confluence';
import { ConfluenceError, parseStoragePosition } from './errors';
import type { TitleUse } from './model';

interface FakeOptions {
  pages?: Record<string, TitleUse[]>;
  attachments?: Record<string, string[]>;
  html?: string;
  renderError?: ConfluenceError;
  failLookups?: ConfluenceError;
}

/** A client whose answers come from tables, recording every call. */
function fakeClient(options: FakeOptions = {}) {
  const calls: string[] = [];
  const client: CheckDependencies = {
    async renderView(body) {
      calls.push('render');
      if (options.renderError) throw options.renderError;
      return options.html ?? `<div>${body.length}</div>`;
    },
    async findPagesByTitle(spaceKey, title) {
      calls.push(`page ${spaceKey}/${title}`);
      if (options.failLookups) throw options.failLookups;
      return options.pages?.[`${spaceKey}/${title}`] ?? [];
    },
    async hasAttachment(pageId, filename) {
      calls.push(`attachment ${pageId}/${filename}`);
      if (options.failLookups) throw options.failLookups;
      return options.attachments?.[pageId]?.includes(filename) ?? false;
    },
  };
  return { client, calls };
}

const OPTIONS = { pageId: '100', spaceKey: 'DEMO' };
const pageLink = (title: string, space = '') =>
  `<ac:link><ri:page${space ? ` ri:space-key="${space}"` : ''} ri:content-title="${title}"/></ac:link>`;
const image = (file: string, owner = '') =>
  `<ac:image><ri:attachment ri:filename="${file}">${owner ? `<ri:page ri:content-title="${owner}"/>` : ''}</ri:attachment></ac:image>`;

describe('checkWithConfluence', () => {
  it('reports nothing for a body whose references all resolve', async () => {
    const { client, calls } = fakeClient({
      pages: { 'DEMO/Home': [{ id: '1', title: 'Home', status: 'current' }] },
      attachments: { '100': ['a.png'] },
    });
    const result = await checkWithConfluence(
      `<p>${pageLink('Home')} ${image('a.png')}</p>`,
      client,
      OPTIONS,
    );
    expect(result).toEqual({ diagnostics: [], lookups: 2, notChecked: [] });
    expect(calls).toEqual(['render', 'page DEMO/Home', 'attachment 100/a.png']);
  });

  it('warns about missing pages and attachments, at the reference, asking once per target', async () => {
    const { client, calls } = fakeClient({
      pages: {
        'DEMO/Draft only': [{ id: '5', title: 'Draft only', status: 'draft' }],
        'TEAM/Specs': [{ id: '7', title: 'Specs', status: 'current' }],
      },
      attachments: { '7': ['spec.pdf'] },
    });
    const body = [
      `<p>${pageLink('Gone')} ${pageLink('Gone')}</p>`,
      `<p>${pageLink('Draft only')}</p>`,
      `<p>${image('missing.png')} ${image('spec.pdf', 'Specs')}</p>`,
    ].join('\n');
    // The ri:page inside the attachment has no space key: it means this space (DEMO).
    const result = await checkWithConfluence(
      body.replace('ri:content-title="Specs"', 'ri:space-key="TEAM" ri:content-title="Specs"'),
      client,
      OPTIONS,
    );
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['unresolved_page_reference', 1, 13],
      ['unresolved_page_reference', 1, 67],
      ['unresolved_page_reference', 2, 13],
      ['unresolved_attachment_reference', 3, 14],
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      'No page “Gone” in this space: Confluence will show this link as a link to create the page.',
    );
    expect(result.diagnostics[3]!.message).toContain('No attachment “missing.png” on this page');
    expect(calls.filter((c) => c === 'page DEMO/Gone')).toHaveLength(1);
    expect(calls).toContain('attachment 7/spec.pdf');
  });

  it('reports an attachment whose page does not exist without asking for it', async () => {
    const { client, calls } = fakeClient();
    const result = await checkWithConfluence(
      `<p>${image('x.png', 'Nowhere')}</p>`,
      client,
      OPTIONS,
    );
    // In document order: the attachment element starts before the page element inside it.
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'unresolved_attachment_reference',
      'unresolved_page_reference',
    ]);
    expect(result.diagnostics[0]!.message).toContain('on page “Nowhere”');
    expect(calls.some((c) => c.startsWith('attachment'))).toBe(false);
  });

  it('warns about macros Confluence does not know and the catalogue does not list', async () => {
    const body =
      '<ac:structured-macro ac:name="no-such-macro"/>\n<ac:structured-macro ac:name="info"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>';
    const { client } = fakeClient({
      html: '<div class="error"><span class="error">Unknown macro: {no-such-macro}</span></div><div class="confluence-information-macro">x</div>',
    });
    const result = await checkWithConfluence(body, client, OPTIONS);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'confluence_unknown_macro',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 47,
      }),
    ]);
    // Confluence rendered it: no warning even though the catalogue does not list it.
    const rendered = await checkWithConfluence(
      body,
      fakeClient({ html: '<p>fine</p>' }).client,
      OPTIONS,
    );
    expect(rendered.diagnostics).toEqual([]);
  });

  it("turns Confluence's parse error into a marker at the user's line and column", async () => {
    const body = '<p>one</p>\n<p>a<br>b</p>';
    const message =
      'Error parsing xhtml: Unexpected close tag </p>; expected </br>.\n at [row,col {unknown-source}]: [2,11]';
    const renderError = new ConfluenceError('invalid_storage', message, {
      status: 400,
      storagePosition: parseStoragePosition(message) ?? undefined,
    });
    const result = await checkWithConfluence(body, fakeClient({ renderError }).client, OPTIONS);
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'void_element_not_closed',
        message:
          '`<br>` must be self-closed as `<br/>`. — Confluence: Unexpected close tag </p>; expected </br>.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 9,
      },
    ]);
    expect(result.notChecked).toEqual(['macros (Confluence could not read the body)']);
  });

  it('passes on errors that are not about the body', async () => {
    const renderError = new ConfluenceError('unauthorized', 'Unauthorized', { status: 401 });
    await expect(
      checkWithConfluence('<p/>', fakeClient({ renderError }).client, OPTIONS),
    ).rejects.toBe(renderError);
  });

  it('caps lookups and says what it left out and why', async () => {
    const links = Array.from({ length: 12 }, (_, i) => pageLink(`P${i}`)).join('');
    const { client, calls } = fakeClient();
    const result = await checkWithConfluence(
      `<p>${links}${image('a.png')}<ac:link><ri:user ri:account-id="x"/></ac:link></p>`,
      client,
      { ...OPTIONS, maxLookups: 10 },
    );
    expect(result.lookups).toBe(10);
    expect(calls.filter((c) => c !== 'render')).toHaveLength(10);
    expect(result.diagnostics).toHaveLength(10);
    expect(result.notChecked).toEqual([
      '3 more references (at most 10 lookups per check)',
      '1 user mention (Pagewright cannot look people up yet)',
    ]);
  });

  it('keeps going when lookups fail, and says so', async () => {
    const failLookups = new ConfluenceError('rate_limited', 'slow down', { status: 429 });
    const result = await checkWithConfluence(
      `<p>${pageLink('Home')}${image('a.png')}</p>`,
      fakeClient({ failLookups }).client,
      OPTIONS,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.notChecked).toEqual([
      'some references: Confluence did not answer (rate_limited)',
    ]);
  });
});
