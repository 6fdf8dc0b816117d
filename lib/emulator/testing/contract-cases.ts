import { afterAll, beforeAll, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';
import { CLOUD_DEMO, call } from './clients';
import { OpenApiValidator } from './openapi-validator';

/** One call to check: the path in Atlassian's spec, the URL under the API's root, a JSON body. */
export type ContractCase = [method: string, specPath: string, url: string, body?: unknown];

type CloudApi = 'v1' | 'v2';

const API_ROOT: Record<CloudApi, string> = { v1: '/wiki/rest/api', v2: '/wiki/api/v2' };

/**
 * A fresh emulator without a data file for the calling test file, and a validator over the Cloud
 * OpenAPI documents. The emulator getter is valid inside the file's tests.
 */
export function startContractEmulatorPerFile(): {
  emulator: () => EmulatorHandle;
  validator: OpenApiValidator;
} {
  let emulator: EmulatorHandle | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ dataFile: null });
  });
  afterAll(async () => emulator?.close());
  return {
    emulator: () => {
      if (!emulator) throw new Error('The emulator starts in beforeAll: use it inside a test.');
      return emulator;
    },
    validator: new OpenApiValidator(),
  };
}

/** One test per case: as the Cloud demo user the call answers 200 with a body the spec accepts. */
export function itAnswersAsSpecified(
  api: CloudApi,
  cases: ContractCase[],
  { emulator, validator }: ReturnType<typeof startContractEmulatorPerFile>,
): void {
  it.each(cases)('%s %s (%s)', async (method, specPath, url, body) => {
    const answer = await call(`${emulator().url}${API_ROOT[api]}${url}`, {
      method,
      auth: CLOUD_DEMO,
      body,
    });
    expect(answer.status).toBe(200);
    expect(validator.errors(api, method, specPath, answer.json)).toEqual([]);
  });
}
