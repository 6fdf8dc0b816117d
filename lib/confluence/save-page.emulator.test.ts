import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { AppError } from '@/lib/errors';

import { type ConfluenceClient, createConfluenceClient } from './client';
import { saveAndVerifyPage, saveExplainingRefusals } from './save-page';

/**
 * A save as the PUT route makes it, against the emulator: what Confluence refuses comes back as
 * something the editor can act on.
 */
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.clearFaults();
  await emulator.reset();
});

function client(flavour: 'cloud' | 'datacenter'): ConfluenceClient {
  return createConfluenceClient({
    baseUrl: emulator.url,
    flavour,
    credentials:
      flavour === 'cloud'
        ? { method: 'cloud-token', email: 'demo@example.com', token: 'demo-token' }
        : { method: 'dc-pat', token: 'demo-pat' },
    guard: { privateOk: true },
    sleep: async () => {},
  });
}

const SANDBOX = '9470040';

/** The error `promise` rejects with (it must reject). */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

function upstreamCalls(): string[] {
  return emulator
    .requests()
    .filter((entry) => !entry.url.includes('/__emulator'))
    .map((entry) => entry.method);
}

describe.each(['datacenter', 'cloud'] as const)('%s: saving a page', (flavour) => {
  it('saves as base + 1 and verifies it from the answer, with one upstream call', async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    emulator.clearRequests();
    const saved = await saveAndVerifyPage(confluence, {
      id: SANDBOX,
      title: page.title,
      body: '<p>Saved and verified.</p>',
      baseVersion: page.version.number,
      parentId: page.parentId,
    });
    expect(saved).toEqual({
      version: page.version.number + 1,
      recovered: false,
      verification: {
        ok: true,
        version: page.version.number + 1,
        versionMatches: true,
        titleMatches: true,
        parentUnchanged: true,
        bodyMatches: true,
      },
    });
    expect(upstreamCalls()).toEqual(['PUT']);
    await confluence.close();
  });

  it('refuses a body Confluence would refuse, at the engine’s positions, without asking it', async () => {
    const confluence = client(flavour);
    emulator.clearRequests();
    const error = await refusal(
      saveAndVerifyPage(confluence, {
        id: SANDBOX,
        title: 'Sandbox',
        body: '<p>a<br></p>',
        baseVersion: 1,
        parentId: null,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'invalid_storage',
      details: { diagnostics: [{ line: 1, column: 5, code: 'void_element_not_closed' }] },
    });
    expect(upstreamCalls()).toEqual([]);
    await confluence.close();
  });

  it("turns Confluence's parse error into the engine's diagnostic, in Confluence's words", async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    const error = await refusal(
      saveExplainingRefusals(confluence, {
        id: SANDBOX,
        title: page.title,
        body: '<p>one</p>\n<p>a<br>b</p>',
        baseVersion: page.version.number,
        parentId: page.parentId,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'invalid_storage',
      details: {
        diagnostics: [
          {
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 9,
            code: 'void_element_not_closed',
            message:
              '`<br>` must be self-closed as `<br/>`. — Confluence: Unexpected close tag </p>; expected </br>.',
          },
        ],
      },
    });
    expect(emulator.page(SANDBOX)?.current.number).toBe(page.version.number);
    await confluence.close();
  });

  it('answers a title clash with a free title to rename to', async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    const error = await refusal(
      saveExplainingRefusals(confluence, {
        id: SANDBOX,
        title: 'Release notes',
        body: page.body,
        baseVersion: page.version.number,
        parentId: page.parentId,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'title_clash',
      details: {
        confluence: expect.stringContaining('A page with this title already exists'),
        suggestedTitle: 'Release notes (2)',
      },
    });
    await confluence.close();
  });

  it('still answers the title clash when Confluence cannot look titles up', async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    // Title lookups (and only they) fail; the save and the page read do not.
    emulator.setFaults({ serverErrorEvery: 1, pathPattern: '/(content|pages|spaces)$' });
    const error = await refusal(
      saveExplainingRefusals(confluence, {
        id: SANDBOX,
        title: 'Release notes',
        body: page.body,
        baseVersion: page.version.number,
        parentId: page.parentId,
      }),
    );
    expect(error).toMatchObject({ code: 'title_clash', details: { suggestedTitle: null } });
    expect(emulator.requests().some((entry) => entry.status === 503)).toBe(true);
    await confluence.close();
  });

  it('passes every other failure on as it is', async () => {
    const confluence = client(flavour);
    const page = await confluence.getPage(SANDBOX);
    const error = await refusal(
      saveExplainingRefusals(confluence, {
        id: SANDBOX,
        title: page.title,
        body: '<p>Stale.</p>',
        baseVersion: page.version.number - 1,
        parentId: page.parentId,
      }),
    );
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      kind: 'version_conflict',
      details: { currentVersion: page.version.number },
    });
    await confluence.close();
  });
});
