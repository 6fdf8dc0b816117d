import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { messageFor } from '@/lib/errors';

/**
 * pagewright-server.js is plain CommonJS (the image runs it with bare `node`), so it cannot
 * import lib/errors.ts: its 503 answer repeats the shared wording, and this keeps the copy honest.
 * Its behaviour (drain, 503, request ids) is tested for real in e2e/deploy.
 */
describe('pagewright-server.js', () => {
  it('answers shutdown refusals in the shared error vocabulary', () => {
    const source = readFileSync(join(__dirname, 'pagewright-server.js'), 'utf8');
    expect(source).toContain("code: 'server_unavailable'");
    expect(source.replace(/'\s*\+?\s*\n\s*'/g, '')).toContain(messageFor('server_unavailable'));
  });
});
