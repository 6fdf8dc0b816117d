import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { isAppError } from '@/lib/errors';

import { createConfluenceClient, type ConfluenceClient } from './client';

/** Cloud parity against the emulator: names, minor edits, title clashes, permissions. */
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await emulator.reset();
});

type Person = 'demo' | 'reader';

function client(flavour: 'cloud' | 'datacenter', person: Person = 'demo'): ConfluenceClient {
  return createConfluenceClient({
    baseUrl: emulator.url,
    flavour,
    credentials:
      flavour === 'cloud'
        ? { method: 'cloud-token', email: `${person}@example.com`, token: `${person}-token` }
        : { method: 'dc-pat', token: `${person}-pat` },
    guard: { privateOk: true },
  });
}

/** Who the session says the user is: an account id on Cloud, a username on Data Center. */
function viewer(flavour: 'cloud' | 'datacenter', person: Person) {
  const accountIds = { demo: '5f3a1b2c3d4e5f6a7b8c9d01', reader: '5f3a1b2c3d4e5f6a7b8c9d03' };
  return flavour === 'cloud' ? { accountId: accountIds[person] } : { username: person };
}

const SANDBOX = '9470040';
const LOCKED_POLICY = '9470050';
const DEMO_ACCOUNT = '5f3a1b2c3d4e5f6a7b8c9d01';

async function saveBody(confluence: ConfluenceClient, minorEdit: boolean) {
  const page = await confluence.getPage(SANDBOX);
  const result = await confluence.savePage({
    id: SANDBOX,
    title: page.title,
    body: `${page.body}<p>one more line</p>`,
    baseVersion: page.version.number,
    parentId: page.parentId,
    minorEdit,
  });
  return { page, result };
}

describe.each(['cloud', 'datacenter'] as const)('%s', (flavour) => {
  it('names the author of a page and of every version, not an account id', async () => {
    const confluence = client(flavour);
    await saveBody(confluence, false);
    const page = await confluence.getPage(SANDBOX);
    expect(page.version.by).toBe('Demo User');
    const versions = await confluence.listVersions(SANDBOX);
    expect(versions.map((version) => version.by)).not.toContain(DEMO_ACCOUNT);
    expect(versions[0]!.by).toBe('Demo User');
    await confluence.close();
  });

  it('stores a ticked minor edit as minor, at base + 1 with the parent kept, in one request', async () => {
    const confluence = client(flavour);
    const { page } = await saveBody(confluence, false);
    emulator.clearRequests();
    const { result } = await saveBody(confluence, true);
    const writes = emulator.requests().filter((entry) => entry.method === 'PUT');
    expect(writes).toHaveLength(1);
    expect(result.version).toBe(page.version.number + 2);
    expect(result.stored?.parentId).toBe(page.parentId);
    const [latest] = await confluence.listVersions(SANDBOX);
    expect(latest).toMatchObject({ number: result.version, minorEdit: true });
    await confluence.close();
  });

  it('finds a title clash whatever the case ("roadmap" is taken by "Roadmap")', async () => {
    const confluence = client(flavour);
    const uses = await confluence.findPagesByTitle('DEMO', 'roadmap');
    expect(uses.map((use) => use.title)).toEqual(['Roadmap']);
    await confluence.close();
  });

  it.each([
    ['Robin Reader', 'reader', SANDBOX, 'space-permission'],
    ['Demo User', 'demo', LOCKED_POLICY, 'page-restriction'],
    ['Demo User', 'demo', SANDBOX, null],
  ] as const)(
    'tells whether %s may edit page %s, and why not',
    async (_name, person, id, cause) => {
      const confluence = client(flavour, person);
      const permissions = await confluence.pagePermissions(id, viewer(flavour, person));
      expect(permissions.canEdit).toBe(cause === null);
      expect(permissions.cause).toBe(cause);
      expect(permissions.reason === null).toBe(cause === null);
      await confluence.close();
    },
  );

  it('a page restriction names who may edit and what to do', async () => {
    const confluence = client(flavour);
    const permissions = await confluence.pagePermissions(LOCKED_POLICY, viewer(flavour, 'demo'));
    expect(permissions.reason).toBe(
      'This page has an edit restriction: only Alex Other may edit it.',
    );
    expect(permissions.advice).toMatch(/^Ask Alex Other to add you to the page's edit restriction/);
    expect(permissions.editors?.people.map((person) => person.name)).toEqual(['Alex Other']);
    await confluence.close();
  });

  it('a restriction that names the user does not get the blame: the space does', async () => {
    emulator.permissions.restrictPageEditing(SANDBOX, ['demo', 'alex']);
    emulator.permissions.setSpaceEditors('DEMO', ['alex']);
    const confluence = client(flavour);
    const permissions = await confluence.pagePermissions(SANDBOX, viewer(flavour, 'demo'));
    expect(permissions.cause).toBe('space-permission');
    expect(permissions.reason).toBe('Your account has no permission to edit pages in this space.');
    expect(permissions.advice).toMatch(/^Ask a space admin to give you edit permission/);
    await confluence.close();
  });

  it('when the restriction cannot be read, the page is still read-only, cause unknown', async () => {
    emulator.setFaults({ serverErrorEvery: 1, pathPattern: 'restriction' });
    const confluence = client(flavour);
    const permissions = await confluence.pagePermissions(LOCKED_POLICY, viewer(flavour, 'demo'));
    expect(permissions).toMatchObject({ canEdit: false, cause: 'unknown' });
    expect(permissions.reason).toContain('read this page but not to edit it');
    await confluence.close();
  });
});

describe('cloud only', () => {
  it('resolves account ids in one bulk request and remembers them', async () => {
    const confluence = client('cloud');
    emulator.clearRequests();
    const names = await confluence.displayNames([DEMO_ACCOUNT, '5f3a1b2c3d4e5f6a7b8c9d03', 'x1']);
    expect(names).toEqual({
      [DEMO_ACCOUNT]: 'Demo User',
      '5f3a1b2c3d4e5f6a7b8c9d03': 'Robin Reader',
      x1: 'Unknown user (x1…)',
    });
    await confluence.displayNames([DEMO_ACCOUNT]);
    const lookups = emulator.requests().filter((entry) => entry.url.includes('users-bulk'));
    expect(lookups).toHaveLength(1);
    await confluence.close();
  });

  it('says so when v1 is gone for a minor edit, and a normal save still works', async () => {
    const confluence = client('cloud');
    emulator.setFaults({ cloudV1Gone: true });
    const error = await saveBody(confluence, true).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('page_gone');
    expect(isAppError(error) && error.details).toEqual({ minorEditUnavailable: true });
    const { page, result } = await saveBody(confluence, false);
    expect(result.version).toBe(page.version.number + 1);
    await confluence.close();
  });

  it('a v2 save does not mark the version minor (Cloud ignores it there)', async () => {
    const confluence = client('cloud');
    await saveBody(confluence, false);
    const [latest] = await confluence.listVersions(SANDBOX);
    expect(latest!.minorEdit).toBe(false);
    await confluence.close();
  });
});
