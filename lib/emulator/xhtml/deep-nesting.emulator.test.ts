import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator } from '@/lib/emulator';
import { call, DC_DEMO, v1Update } from '@/lib/emulator/testing/clients';

/**
 * A hostile body (100,000 nested elements) sent to the emulator: refused as Confluence refuses
 * it, quickly, while the emulator keeps answering other requests.
 */
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: null });
});
afterAll(() => emulator.close());

const SANDBOX = '9470040';
const deep = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);

describe('100,000 nested elements', () => {
  it('are refused with Woodstox’s depth error, the page unchanged, and the emulator keeps answering', async () => {
    const dc = `${emulator.url}/rest/api`;
    const before = await call(`${dc}/content/${SANDBOX}?expand=version`, { auth: DC_DEMO });
    const version = before.json.version.number as number;
    const started = performance.now();
    const save = call(`${dc}/content/${SANDBOX}`, {
      method: 'PUT',
      auth: DC_DEMO,
      body: v1Update(SANDBOX, 'Sandbox', version + 1, deep),
    });
    const health = call(`${emulator.url}/__emulator/health`).then((answer) => ({
      answer,
      ms: performance.now() - started,
    }));
    const [saved, probe] = await Promise.all([save, health]);
    expect(saved.status).toBe(400);
    expect(saved.text).toContain('Maximum Element Depth limit (1000) Exceeded');
    expect(probe.answer.status).toBe(200);
    expect(probe.ms).toBeLessThan(2000);
    const after = await call(`${dc}/content/${SANDBOX}?expand=version`, { auth: DC_DEMO });
    expect(after.json.version.number).toBe(version);
  });
});
