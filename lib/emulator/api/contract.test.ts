import { describe, expect, it } from 'vitest';

import { call } from '../testing/clients';
import {
  itAnswersAsSpecified,
  startContractEmulatorPerFile,
  type ContractCase,
} from '../testing/contract-cases';

/** Contract tests: every Cloud answer validates against Atlassian's OpenAPI response schema. */
const suite = startContractEmulatorPerFile();
const { validator } = suite;

const V1: ContractCase[] = [
  ['GET', '/wiki/rest/api/content/{id}', '/content/9470040'],
  [
    'GET',
    '/wiki/rest/api/content/{id}',
    '/content/9470046?expand=body.storage,body.view,version,ancestors,space,history.lastUpdated,container',
  ],
  [
    'GET',
    '/wiki/rest/api/content/{id}',
    '/content/9470040?status=historical&version=1&expand=body.storage,version',
  ],
  ['GET', '/wiki/rest/api/content', '/content?spaceKey=DEMO&title=Sandbox&expand=version'],
  ['GET', '/wiki/rest/api/content', '/content?spaceKey=DEMO&limit=3'],
  ['GET', '/wiki/rest/api/content/search', '/content/search?cql=space%3DDEMO%20and%20type%3Dpage'],
  ['GET', '/wiki/rest/api/content/{id}/child/{type}', '/content/9469953/child/page'],
  [
    'GET',
    '/wiki/rest/api/content/{id}/child/attachment',
    '/content/9470043/child/attachment?filename=gradient.png',
  ],
  ['GET', '/wiki/rest/api/content/{id}/version', '/content/9470040/version'],
  ['GET', '/wiki/rest/api/content/{id}/history', '/content/9470040/history'],
  ['GET', '/wiki/rest/api/user/current', '/user/current'],
  [
    'GET',
    '/wiki/rest/api/user/bulk',
    '/user/bulk?accountId=5f3a1b2c3d4e5f6a7b8c9d01,5f3a1b2c3d4e5f6a7b8c9d02',
  ],
  ['GET', '/wiki/rest/api/user', '/user?accountId=5f3a1b2c3d4e5f6a7b8c9d03'],
  ['GET', '/wiki/rest/api/content/{id}', '/content/9470050?expand=operations'],
  ['GET', '/wiki/rest/api/space', '/space'],
  ['GET', '/wiki/rest/api/space/{spaceKey}', '/space/DEMO'],
  [
    'POST',
    '/wiki/rest/api/contentbody/convert/{to}',
    '/contentbody/convert/view',
    { value: '<p>x</p>', representation: 'storage' },
  ],
  [
    'PUT',
    '/wiki/rest/api/content/{id}',
    '/content/9470041',
    {
      type: 'page',
      title: 'Macro showcase',
      version: { number: 2 },
      body: { storage: { value: '<p>x</p>', representation: 'storage' } },
    },
  ],
];

const V2: ContractCase[] = [
  ['GET', '/pages/{id}', '/pages/9470040?body-format=storage'],
  ['GET', '/pages/{id}', '/pages/9470040?body-format=view'],
  ['GET', '/pages/{id}/ancestors', '/pages/9470046/ancestors'],
  ['GET', '/pages', '/pages?space-id=98306&title=Sandbox'],
  ['GET', '/spaces', '/spaces?keys=DEMO'],
  ['GET', '/spaces/{id}', '/spaces/98306'],
  ['GET', '/pages/{id}/versions', '/pages/9470040/versions'],
  ['GET', '/pages/{page-id}/versions/{version-number}', '/pages/9470040/versions/2'],
  ['GET', '/pages/{id}/attachments', '/pages/9470043/attachments'],
  ['GET', '/pages/{id}/children', '/pages/9469953/children'],
  ['GET', '/pages/{id}/operations', '/pages/9470040/operations'],
  ['POST', '/users-bulk', '/users-bulk', { accountIds: ['5f3a1b2c3d4e5f6a7b8c9d01', 'nobody'] }],
  [
    'PUT',
    '/pages/{id}',
    '/pages/9470042',
    {
      id: '9470042',
      status: 'current',
      title: 'Large page (200 KB of tables)',
      body: { representation: 'storage', value: '<p>small now</p>' },
      version: { number: 2 },
    },
  ],
];

describe('Cloud v1 answers match V1SPEC', () => {
  itAnswersAsSpecified('v1', V1, suite);

  it('anonymous user/current matches UserAnonymous', async () => {
    const answer = await call(`${suite.emulator().url}/wiki/rest/api/user/current`);
    expect(validator.componentErrors('v1', 'UserAnonymous', answer.json)).toEqual([]);
  });

  it('the validator does reject a wrong shape', () => {
    expect(validator.errors('v1', 'GET', '/wiki/rest/api/content/{id}', { id: 1 })).not.toEqual([]);
  });
});

describe('Cloud v2 answers match V2SPEC', () => {
  itAnswersAsSpecified('v2', V2, suite);
});
