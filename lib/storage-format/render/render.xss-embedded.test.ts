import { beforeAll, describe, expect, it } from 'vitest';

import { renderStorage } from './render';
import { htmlBody, xssProblem } from './render-test-support';
import { loadXssPayloads, type XssPayload } from './xss-corpus';
import { batches, ECHO_BUILDERS, firstUnsafe, storageBody } from './xss-embedding';

/**
 * Every payload of the XSS corpora (DOMPurify's expect.mjs, H5SC) embedded in storage bodies in
 * every place a page author controls: text, attributes, link targets, image sources, macro
 * names and parameters, CDATA, the html macro — and as a whole broken body. The output must be
 * safe with AND without the DOMPurify layer: the writer alone is the first line of defence.
 * This file checks the writer alone; render.xss-pipeline.test.ts the full pipeline.
 */

let payloads: XssPayload[] = [];
beforeAll(async () => {
  payloads = await loadXssPayloads();
});

describe('payloads embedded in storage bodies', () => {
  it('are safe from the writer alone (no DOMPurify layer)', () => {
    for (const batch of batches(payloads)) {
      const render = (payload: string) =>
        renderStorage(storageBody(payload), { ...ECHO_BUILDERS, sanitizer: 'none' });
      expect(firstUnsafe(batch, render, xssProblem)).toBeNull();
    }
  });

  it('are safe as whole (broken) bodies the parser must recover from', () => {
    for (const batch of batches(payloads)) {
      const render = (payload: string) => renderStorage(payload, { sanitizer: 'none' });
      expect(firstUnsafe(batch, render, xssProblem)).toBeNull();
    }
  });

  it('renders a classic vector as text in every position', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const html = renderStorage(storageBody(payload), {
      attachmentUrl: () => 'javascript:alert(1)',
      pageUrl: () => 'javascript:alert(1)',
      sanitizer: 'none',
    });
    const body = htmlBody(html);
    expect(body.querySelectorAll('img')).toHaveLength(0);
    expect(body.querySelector('.pw-link-page')?.hasAttribute('href')).toBe(false);
    expect(body.querySelector('.pw-link-attachment')?.hasAttribute('href')).toBe(false);
    expect(body.querySelector('.pw-image-missing')).not.toBeNull();
    expect(body.textContent).toContain(payload);
  });
});
