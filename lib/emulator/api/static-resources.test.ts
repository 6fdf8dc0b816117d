import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type EmulatorHandle } from '../index';

let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ dataFile: null });
});
afterAll(async () => emulator.close());

describe('static resources the view HTML points at', () => {
  it.each([
    '/wiki/images/icons/emoticons/smile.svg',
    '/images/icons/emoticons/thumbs-up.svg',
    '/confluence/images/icons/emoticons/warning.svg',
    '/wiki/plugins/servlet/confluence/placeholder/unknown-attachment?locale=en_GB&version=2',
  ])('%s is an SVG image, served without credentials', async (path) => {
    const response = await fetch(`${emulator.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg /);
  });

  it('anything else under /images is 404', async () => {
    const response = await fetch(`${emulator.url}/wiki/images/icons/other/x.png`);
    expect(response.status).toBe(404);
  });
});
