import { describe, expect, it } from 'vitest';

import { CLOUD_DEMO, DC_PAT, call } from '../testing/clients';
import {
  itAnswersAsSpecified,
  startContractEmulatorPerFile,
  type ContractCase,
} from '../testing/contract-cases';

/** Contract tests for the endpoints title search, the tree, create and move use. */
const suite = startContractEmulatorPerFile();
const url = () => suite.emulator().url;

const V1: ContractCase[] = [
  [
    'GET',
    '/wiki/rest/api/search',
    `/search?cql=${encodeURIComponent('type = page AND title ~ "Sandb*"')}&expand=content.space`,
  ],
  [
    'GET',
    '/wiki/rest/api/search',
    `/search?cql=${encodeURIComponent('parent = "9469953" AND type in (page, folder)')}`,
  ],
  ['GET', '/wiki/rest/api/content', '/content?title=Sandbox&type=page&expand=space'],
  ['GET', '/wiki/rest/api/content/{id}/child/{type}', '/content/9470044/child/page?limit=200'],
  [
    'POST',
    '/wiki/rest/api/content',
    '/content',
    {
      type: 'page',
      title: 'Contract child (v1)',
      space: { key: 'DEMO' },
      ancestors: [{ id: '9470040' }],
      body: { storage: { value: '<p>Start writing here.</p>', representation: 'storage' } },
    },
  ],
  ['GET', '/wiki/rest/api/space', '/space?limit=200'],
];

const V2: ContractCase[] = [
  ['GET', '/pages', '/pages?title=Sandbox&limit=10'],
  ['GET', '/spaces', '/spaces?ids=98306&limit=250'],
  ['GET', '/pages/{id}/children', '/pages/9470044/children?limit=250'],
  ['GET', '/pages/{id}/ancestors', '/pages/9470046/ancestors?limit=250'],
  [
    'POST',
    '/pages',
    '/pages',
    {
      spaceId: '98306',
      status: 'current',
      title: 'Contract child (v2)',
      parentId: '9470040',
      body: { representation: 'storage', value: '<p>Start writing here.</p>' },
    },
  ],
  [
    'POST',
    '/pages',
    '/pages?root-level=true',
    {
      spaceId: '98306',
      status: 'current',
      title: 'Contract top (v2)',
      body: { representation: 'storage', value: '<p>Start writing here.</p>' },
    },
  ],
];

describe('Cloud v1 navigation answers match V1SPEC', () => {
  itAnswersAsSpecified('v1', V1, suite);

  it('the search answer carries the space and the matches', async () => {
    const answer = await call(
      `${url()}/wiki/rest/api/search?cql=${encodeURIComponent('title ~ "sandb*" OR title = "Roadmap"')}&expand=content.space`,
      { auth: CLOUD_DEMO },
    );
    const results = (
      answer.json as { results: Array<{ content: { title: string; space: { key: string } } }> }
    ).results;
    expect(results.map((r) => `${r.content.space.key}/${r.content.title}`).sort()).toEqual([
      'DEMO/Roadmap',
      'DEMO/Sandbox',
      'TEAM/Sandbox',
    ]);
  });
});

describe('Cloud v2 navigation answers match V2SPEC', () => {
  itAnswersAsSpecified('v2', V2, suite);

  /** v2 POST /pages in DEMO as the demo user, with an empty body. */
  const createInDemo = (title: string, options: { parentId?: string; query?: string } = {}) =>
    call(`${url()}/wiki/api/v2/pages${options.query ?? ''}`, {
      method: 'POST',
      auth: CLOUD_DEMO,
      body: {
        spaceId: '98306',
        status: 'current',
        title,
        ...(options.parentId ? { parentId: options.parentId } : {}),
        body: { representation: 'storage', value: '<p/>' },
      },
    });

  it('POST /pages without a parent goes under the home page; root-level=true at the top', async () => {
    expect((await createInDemo('Under home')).json).toMatchObject({ parentId: '9469953' });
    const top = (await createInDemo('At the top', { query: '?root-level=true' })).json as {
      parentId?: string | null;
    };
    expect(top.parentId ?? null).toBeNull();
  });

  it('POST /pages refuses a clash ignoring case, and a parent in another space', async () => {
    expect((await createInDemo('roadmap')).status).toBe(400);
    expect((await createInDemo('Stray', { parentId: '9470100' })).status).toBe(404);
  });
});

describe('Data Center navigation endpoints', () => {
  it('search and create answer on /rest/api, and a bad CQL is a 400', async () => {
    const search = await call(
      `${url()}/rest/api/search?cql=${encodeURIComponent('type = page AND title ~ "road*"')}`,
      { auth: DC_PAT },
    );
    expect(search.status).toBe(200);
    const bad = await call(`${url()}/rest/api/search?cql=${encodeURIComponent('title ~')}`, {
      auth: DC_PAT,
    });
    expect(bad.status).toBe(400);
    const created = await call(`${url()}/rest/api/content`, {
      method: 'POST',
      auth: DC_PAT,
      body: {
        type: 'page',
        title: 'DC child',
        space: { key: 'DEMO' },
        body: { storage: { value: '<p>x</p>', representation: 'storage' } },
      },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ title: 'DC child', type: 'page' });
  });
});
