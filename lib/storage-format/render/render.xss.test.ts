import { beforeAll, describe, expect, it } from 'vitest';

import { renderStorage } from './render';
import { htmlBody, testSanitizer, xssProblem } from './render-test-support';
import { DOMPURIFY_CONFIG } from './sanitizer';
import { loadXssPayloads, type XssPayload } from './xss-corpus';

/**
 * docs/security.md XSS-2 (one frozen DOMPurify config), XSS-3 (the corpora through it) and XSS-7
 * (the html macro is inert). Embedded payloads: render.xss-embedded.test.ts.
 */

let payloads: XssPayload[] = [];
beforeAll(async () => {
  payloads = await loadXssPayloads();
});

describe('XSS-2: one DOMPurify config', () => {
  it('is the documented config', () => {
    expect(DOMPURIFY_CONFIG).toEqual({
      USE_PROFILES: { html: true },
      FORBID_TAGS: [
        'style',
        'form',
        'input',
        'button',
        'textarea',
        'select',
        'base',
        'meta',
        'link',
      ],
      FORBID_ATTR: ['srcset', 'formaction'],
      SANITIZE_NAMED_PROPS: true,
      ALLOW_DATA_ATTR: false,
      ADD_ATTR: [
        'data-source-line',
        'data-source-offset',
        'data-macro',
        'data-layout',
        'data-fidelity',
      ],
    });
    expect(Object.isFrozen(DOMPURIFY_CONFIG)).toBe(true);
  });

  it('never allows script-capable or navigating tags', () => {
    const config = DOMPURIFY_CONFIG as Record<string, unknown>;
    expect(config.ADD_TAGS).toBeUndefined();
    expect(config.ALLOWED_TAGS).toBeUndefined();
    expect(config.ALLOW_UNKNOWN_PROTOCOLS).toBeUndefined();
    const sanitize = testSanitizer();
    for (const tag of [
      'script',
      'iframe',
      'object',
      'embed',
      'form',
      'base',
      'meta',
      'svg',
      'math',
    ]) {
      const html = sanitize(`<p>a</p><${tag} src="x" href="x" data="x">b</${tag}>`);
      expect(htmlBody(html).ownerDocument.querySelector(tag), tag).toBeNull();
    }
  });
});

describe('XSS-3: the corpus through the sanitizer', () => {
  it('loads the DOMPurify and H5SC payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(223 + 149);
  });

  it('leaves nothing executable in any payload', () => {
    const sanitize = testSanitizer();
    for (const { source, payload } of payloads) {
      expect(xssProblem(sanitize(payload)), source).toBeNull();
    }
  });
});

describe('XSS-7: html macro and unknown macros are inert', () => {
  it('shows an html macro body as text, with no element made from it', () => {
    const source =
      '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<img src=x onerror=alert(1)>]]></ac:plain-text-body></ac:structured-macro>';
    for (const sanitizer of ['none', testSanitizer()] as const) {
      const body = htmlBody(renderStorage(source, { sanitizer }));
      expect(body.querySelector('img')).toBeNull();
      expect(body.textContent).toContain('<img src=x onerror=alert(1)>');
      expect(body.querySelector('[data-macro="html"]')?.getAttribute('data-fidelity')).toBe(
        'inert',
      );
    }
  });
});
