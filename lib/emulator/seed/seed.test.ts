import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MACRO_CATALOGUE } from '@/lib/storage-format/macro-catalogue';
import { WoodstoxOracle, woodstoxAvailable } from '@/lib/testing/woodstox/woodstox-oracle';

import { checkStorageXhtml } from '../xhtml/check-xhtml';
import { buildSeed, SEED_IDS } from './build-seed';

const seed = buildSeed();
const bodies = seed.pages.flatMap((page) =>
  [page.current, ...page.history].map((version) => ({
    name: `${page.id} v${version.number} ${version.title}`,
    body: version.body,
  })),
);

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
