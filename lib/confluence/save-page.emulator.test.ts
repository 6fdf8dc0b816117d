import { describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors';

import type { ConfluenceClient } from './client';
import type { ConfluenceFlavour, SavePageInput } from './model';
import { saveAndVerifyPage, saveExplainingRefusals } from './save-page';
import { demoClient, emulatorPerTestFile } from './testing/emulator';

/**
 * A save as the PUT route makes it, against the emulator: what Confluence refuses comes back as
 * something the editor can act on.
 */
const emulator = emulatorPerTestFile();
const client = (flavour: ConfluenceFlavour) => demoClient(emulator, flavour);

const SANDBOX = '9470040';

/** A save of the Sandbox page as loaded now, with `changes`. */
async function sandboxSave(
  confluence: ConfluenceClient,
  changes: Partial<SavePageInput>,
): Promise<SavePageInput> {
  const { title, body, version, parentId } = await confluence.getPage(SANDBOX);
  return { id: SANDBOX, title, body, baseVersion: version.number, parentId, ...changes };
}

/** The error `promise` rejects with (it must reject). */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

function upstreamMethods(): string[] {
  return emulator
    .requests()
    .filter((entry) => !entry.url.includes('/__emulator'))
    .map((entry) => entry.method);
}

describe.each(['datacenter', 'cloud'] as const)('%s: saving a page', (flavour) => {
  it('saves as base + 1 and verifies it from the answer, with one upstream call', async () => {
    const confluence = client(flavour);
    const input = await sandboxSave(confluence, { body: '<p>Saved and verified.</p>' });
    emulator.clearRequests();
    const saved = await saveAndVerifyPage(confluence, input);
    expect(saved).not.toHaveProperty('stored');
    expect(saved).toMatchObject({
      version: input.baseVersion + 1,
      recovered: false,
      verification: { ok: true, version: input.baseVersion + 1, bodyMatches: true },
    });
    expect(upstreamMethods()).toEqual(['PUT']);
    await confluence.close();
  });

  it("refuses a body Confluence would refuse, at the engine's positions, without asking it", async () => {
    const confluence = client(flavour);
    const input = await sandboxSave(confluence, { body: '<p>a<br></p>' });
    emulator.clearRequests();
    const error = await refusal(saveAndVerifyPage(confluence, input));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'invalid_storage',
      details: { diagnostics: [{ line: 1, column: 5, code: 'void_element_not_closed' }] },
    });
    expect(upstreamMethods()).toEqual([]);
    await confluence.close();
  });

  it("turns Confluence's parse error into the engine's diagnostic, in Confluence's words", async () => {
    const confluence = client(flavour);
    const input = await sandboxSave(confluence, { body: '<p>one</p>\n<p>a<br>b</p>' });
    const error = await refusal(saveExplainingRefusals(confluence, input));
    expect(error).toBeInstanceOf(AppError);
    const { code, details } = error as AppError;
    expect(code).toBe('invalid_storage');
    expect(details).toEqual({
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
    });
    expect(emulator.page(SANDBOX)?.current.number).toBe(input.baseVersion);
    await confluence.close();
  });

  it('answers a title clash with a free title to rename to, when Confluence can look one up', async () => {
    const confluence = client(flavour);
    const input = await sandboxSave(confluence, { title: 'Release notes' });
    const clash = {
      code: 'title_clash',
      details: { confluence: expect.stringContaining('A page with this title already exists') },
    };
    const error = await refusal(saveExplainingRefusals(confluence, input));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject(clash);
    expect((error as AppError).details).toHaveProperty('suggestedTitle', 'Release notes (2)');
    // Title lookups (and only they) fail; the save and the page read do not.
    emulator.setFaults({ serverErrorEvery: 1, pathPattern: '/(content|pages|spaces)$' });
    const unlooked = await refusal(saveExplainingRefusals(confluence, input));
    expect(unlooked).toMatchObject(clash);
    expect((unlooked as AppError).details).toHaveProperty('suggestedTitle', null);
    expect(emulator.requests().map((entry) => entry.status)).toContain(503);
    await confluence.close();
  });

  it('passes every other failure on as it is', async () => {
    const confluence = client(flavour);
    const current = await sandboxSave(confluence, {});
    const stale = { ...current, body: '<p>Stale.</p>', baseVersion: current.baseVersion - 1 };
    const error = await refusal(saveExplainingRefusals(confluence, stale));
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      kind: 'version_conflict',
      details: { currentVersion: current.baseVersion },
    });
    await confluence.close();
  });
});
