import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MACRO_CATALOGUE } from '@/lib/storage-format/macro-catalogue';
import { WoodstoxOracle, woodstoxAvailable } from '@/lib/testing/woodstox/woodstox-oracle';

import { renderView } from '../render/view/render-view';
import { EmulatorStore } from '../store/store';
import { checkStorageXhtml } from '../xhtml/check-xhtml';
import { buildSeed, SEED_IDS } from './build-seed';

const seed = buildSeed();
const bodies = seed.pages.flatMap((page) =>
  [page.current, ...page.history].map((version) => ({
    name: `${page.id} v${version.number} ${version.title}`,
    body: version.body,
  })),
);

const bodyOf = (id: string): string => seed.pages.find((page) => page.id === id)!.current.body;

describe('seed data', () => {
  it('has the pages the README promises', () => {
    const byId = new Map(seed.pages.map((page) => [page.id, page]));
    expect(seed.spaces.map((space) => [space.key, space.name])).toEqual([
      ['DEMO', 'Demo space'],
      ['TEAM', 'Team space'],
    ]);
    expect(byId.get(SEED_IDS.demoHome)!.current.title).toBe('Demo Home');
    expect(byId.get('9470040')!.current).toMatchObject({
      title: 'Sandbox',
      parentId: SEED_IDS.demoHome,
    });
    expect(byId.get(SEED_IDS.largePage)!.current.body.length).toBeGreaterThanOrEqual(200_000);
    expect(byId.get(SEED_IDS.attachmentsPage)!.attachments.map((file) => file.title)).toEqual([
      'gradient.png',
      'diagram.svg',
      'notes.txt',
    ]);
  });

  it('uses every macro of the engine catalogue on the showcase page', () => {
    const body = seed.pages.find((page) => page.id === SEED_IDS.macroShowcase)!.current.body;
    for (const spec of MACRO_CATALOGUE) expect(body).toContain(`ac:name="${spec.name}"`);
  });

  it('uses every common macro and structure element on the showcase page', () => {
    const body = seed.pages.find((page) => page.id === SEED_IDS.macroShowcase)!.current.body;
    const macros = [
      'info',
      'tip',
      'note',
      'warning',
      'panel',
      'code',
      'noformat',
      'expand',
      'toc',
      'status',
      'jira',
      'children',
      'excerpt',
      'excerpt-include',
      'anchor',
      'details',
    ];
    for (const name of macros) expect(body).toContain(`ac:name="${name}"`);
    for (const element of [
      '<ac:task-list>',
      '<ac:layout>',
      '<ac:emoticon',
      '<time datetime=',
      '<ri:user ri:account-id=',
      '<ri:page ',
      '<ac:image',
      '<ri:url ',
    ]) {
      expect(body).toContain(element);
    }
  });

  it('stores pages as Confluence does, on one line, except the hand-laid ones', () => {
    const outsideCdata = (body: string): string => body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    const multiLine = seed.pages
      .filter((page) => outsideCdata(page.current.body).includes('\n'))
      .map((page) => page.current.title);
    expect(multiLine).toEqual(['Sandbox']);
    // CDATA keeps its own newlines on a one-line page.
    expect(bodyOf(SEED_IDS.cloudEditorPage)).toMatch(/<!\[CDATA\[[^\]]*\n[^\]]*\]\]>/);
  });

  it("has a Cloud-editor page carrying the new editor's markup, under the space home", () => {
    const page = seed.pages.find((candidate) => candidate.id === SEED_IDS.cloudEditorPage)!;
    expect(page.current).toMatchObject({ title: 'Cloud editor page', parentId: SEED_IDS.demoHome });
    for (const markup of [
      ' local-id="',
      ' ac:local-id="',
      '<table data-table-width="760" data-layout="default"',
      'data-layout="full-width"',
      '<ac:adf-extension><ac:adf-node type="panel">',
      '<ac:adf-node type="decision-list">',
      '<ac:adf-fallback>',
      'data-card-appearance="inline"',
      'data-card-appearance="block"',
      'ac:card-appearance="inline"',
      'ri:version-at-save="3"',
      ' ac:macro-id="',
      '<ac:task-uuid>',
      'ac:breakout-mode="default"',
    ]) {
      expect(page.current.body).toContain(markup);
    }
    // Links saved at the version the Sandbox page has.
    expect(seed.pages.find((other) => other.id === SEED_IDS.sandbox)!.current.number).toBe(3);
    // Every block id is unique, as the editor writes them (a fallback repeats its node's blocks).
    const withoutFallbacks = page.current.body.replace(
      /<ac:adf-fallback>.*?<\/ac:adf-fallback>/g,
      '',
    );
    const ids = [...withoutFallbacks.matchAll(/ (?:ac:)?local-id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders the Cloud-editor page as Confluence does: fallbacks, cards and tables', () => {
    const store = new EmulatorStore(buildSeed(), () => undefined);
    const demo = store.users()[0]!;
    const page = store.visiblePage(SEED_IDS.cloudEditorPage, demo)!;
    const html = renderView(page.current.body, 'view', {
      ctx: { flavour: 'cloud', base: 'http://host/wiki', context: '/wiki', store, user: demo },
      page,
    });
    expect(html).toContain('A custom panel: the Cloud editor stores it as an ADF extension.');
    expect(html).toContain('<ul class="decision-list"><li>Store seed pages on one line</li>');
    // Through the fallback only: the node's own content is not shown a second time.
    expect(html.split('A custom panel:').length).toBe(2);
    expect(html).toContain('href="https://example.com/roadmap" data-card-appearance="inline"');
    expect(html).toContain('class="confluenceTable"');
    expect(html).toContain('class="confluence-information-macro');
    expect(html).not.toMatch(/<\/?(ac|ri):/);
  });

  it('has a large one-line page of mixed tables and macros', () => {
    const body = bodyOf(SEED_IDS.largeOneLinePage);
    expect(Buffer.byteLength(body, 'utf8')).toBeGreaterThanOrEqual(300 * 1024);
    expect(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain('\n');
    const count = (pattern: RegExp): number => body.match(pattern)?.length ?? 0;
    expect(count(/<table>/g)).toBeGreaterThan(20);
    for (const name of ['status', 'info', 'note', 'code', 'expand', 'toc'])
      expect(body).toContain(`ac:name="${name}"`);
    expect(count(/<ac:structured-macro /g)).toBeGreaterThan(500);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildSeed())).toBe(JSON.stringify(seed));
  });

  it.each(bodies)('$name passes the emulator check', ({ body }) => {
    expect(checkStorageXhtml(body)).toEqual({ ok: true });
  });
});

describe.skipIf(!woodstoxAvailable())('seed data vs Woodstox', () => {
  let oracle: WoodstoxOracle;
  beforeAll(() => {
    oracle = WoodstoxOracle.start();
  });
  afterAll(() => oracle.stop());

  it('every seeded body is valid storage for Woodstox', async () => {
    const rejected: string[] = [];
    for (const { name, body } of bodies) {
      const verdict = await oracle.check(body);
      if (!verdict.ok)
        rejected.push(`${name}: ${verdict.line}:${verdict.column} ${verdict.message}`);
    }
    expect(rejected).toEqual([]);
  });
});
