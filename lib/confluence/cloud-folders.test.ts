import { describe, expect, it } from 'vitest';

import { childrenOf, pageNeighbourhood } from './page-tree';
import { searchByTitle } from './search';
import type { ConfluenceTransport } from './transport';

/**
 * Cloud folders (the emulator has none): a transport that answers like Cloud for a page that
 * sits in a folder, recording what was asked.
 */
function cloudWithFolder() {
  const asked: string[] = [];
  const answers: Record<string, unknown> = {
    'wiki/api/v2/pages/30/ancestors': {
      results: [
        { id: '10', type: 'page' },
        { id: '20', type: 'folder' },
      ],
    },
    'wiki/api/v2/pages': { results: [page('10', 'Home')] },
    'wiki/api/v2/folders/20': { id: '20', title: 'Specs', type: 'folder' },
    'wiki/api/v2/pages/30/children': { results: [] },
    'wiki/rest/api/search': {
      results: [
        {
          content: {
            id: '30',
            type: 'page',
            title: 'API spec',
            space: { key: 'DEV', name: 'Dev' },
          },
        },
        {
          content: {
            id: '40',
            type: 'folder',
            title: 'Drafts',
            space: { key: 'DEV', name: 'Dev' },
          },
        },
        { content: { id: '50', type: 'whiteboard', title: 'Sketch' } },
      ],
    },
  };
  const http = {
    async request(
      _method: string,
      path: string,
      options: { query?: Record<string, unknown>; schema: { parse(v: unknown): unknown } },
    ) {
      asked.push(`${path} ${JSON.stringify(options.query ?? {})}`);
      if (path === 'wiki/api/v2/pages' && options.query?.title) {
        return options.schema.parse({ results: [] });
      }
      if (!(path in answers)) throw new Error(`unexpected ${path}`);
      return options.schema.parse(answers[path]);
    },
  } as unknown as ConfluenceTransport;
  return { http, asked };
}

function page(id: string, title: string) {
  return { id, status: 'current', title, spaceId: '1', version: { number: 1 } };
}

describe('Cloud folders', () => {
  it('show in the ancestors as folders, with their titles', async () => {
    const { http } = cloudWithFolder();
    const tree = await pageNeighbourhood(http, 'cloud', '30');
    expect(tree.ancestors).toEqual([
      { id: '10', title: 'Home', kind: 'page' },
      { id: '20', title: 'Specs', kind: 'folder' },
    ]);
    expect(tree.siblings).toEqual([
      { id: '30', title: 'API spec', kind: 'page' },
      { id: '40', title: 'Drafts', kind: 'folder' },
    ]);
  });

  it("list a folder's children through CQL `parent =`, folders included", async () => {
    const { http, asked } = cloudWithFolder();
    await childrenOf(http, 'cloud', '20', 'folder');
    expect(asked).toEqual([
      `wiki/rest/api/search ${JSON.stringify({ cql: 'parent = "20" AND type in (page, folder)', limit: 200 })}`,
    ]);
  });

  it('are offered as new parents only when asked for', async () => {
    const { http, asked } = cloudWithFolder();
    const found = await searchByTitle(http, 'cloud', 'Dra', { includeFolders: true });
    expect(found.map((match) => [match.id, match.kind])).toEqual([
      ['30', 'page'],
      ['40', 'folder'],
    ]);
    expect(asked.some((line) => line.includes('type in (page, folder)'))).toBe(true);
    asked.length = 0;
    await searchByTitle(http, 'cloud', 'Dra');
    expect(asked.some((line) => line.includes('type = page AND title ~'))).toBe(true);
  });
});
