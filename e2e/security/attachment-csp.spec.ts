import { PROXIED_CONTENT_POLICY } from '../../lib/api/security-headers';
import { expect, test } from '../fixtures';

import { signInAsDemo } from './editor-steps';

/**
 * Files proxied from Confluence keep their own sandboxing policy all the way to the browser, on
 * the production server (proxy.ts sets the policy of every response and used to replace the
 * route's with the app's).
 */

const ATTACHMENTS_PAGE = '9470043';
const FILES = ['gradient.png', 'diagram.svg', 'notes.txt'];

test.describe('attachments (CSP on proxied Confluence files)', () => {
  test('every attachment reaches the browser with the sandbox policy, and only that', async ({
    page,
    appUrl,
  }) => {
    expect(PROXIED_CONTENT_POLICY).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
    );
    await signInAsDemo(page, appUrl);
    for (const file of FILES) {
      const response = await page.request.get(
        `${appUrl}/api/pages/${ATTACHMENTS_PAGE}/attachments/${file}`,
      );
      expect(response.status(), file).toBe(200);
      const headers = response.headersArray();
      const policies = headers.filter((h) => h.name.toLowerCase() === 'content-security-policy');
      expect(
        policies.map((h) => h.value),
        file,
      ).toEqual([PROXIED_CONTENT_POLICY]);
      expect(response.headers()['content-security-policy-report-only'], file).toBeUndefined();
      expect(response.headers()['x-content-type-options'], file).toBe('nosniff');
    }
  });

  test('opened as a document, an attachment is sandboxed by the browser (opaque origin)', async ({
    page,
    appUrl,
  }) => {
    await signInAsDemo(page, appUrl);
    const response = await page.goto(
      `${appUrl}/api/pages/${ATTACHMENTS_PAGE}/attachments/notes.txt`,
    );
    expect((await response!.allHeaders())['content-security-policy']).toBe(PROXIED_CONTENT_POLICY);
    await expect(page.locator('body')).toContainText('Meeting notes');
    // A document under CSP `sandbox` gets an opaque origin: it cannot read the app's cookies,
    // storage or same-origin APIs even if it were HTML with script.
    expect(await page.evaluate(() => window.origin)).toBe('null');
  });

  test('the app’s own pages still get the app’s policy', async ({ page, appUrl }) => {
    const response = await page.goto(`${appUrl}/login`);
    const policy = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toBe(PROXIED_CONTENT_POLICY);
  });
});
