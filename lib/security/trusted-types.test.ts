import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildPreviewShell } from '@/lib/preview/preview-document';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { xssProblem } from '@/lib/storage-format/render/render-test-support';
import type { Sanitizer } from '@/lib/storage-format/render/sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';

import { createPreviewTrustedTypes, type HtmlPolicyFactory } from './trusted-types';

/** What the browser would hold: the policy's output, marked as made by `policy`. */
class FakeTrustedHtml {
  constructor(
    readonly policy: string,
    readonly html: string,
  ) {}
}

/** A stand-in for window.trustedTypes that records the policies created. */
function fakeFactory() {
  const rules = new Map<string, (input: string) => string>();
  const factory: HtmlPolicyFactory = {
    createPolicy(name, options) {
      rules.set(name, options.createHTML);
      return {
        createHTML: (input: string) =>
          new FakeTrustedHtml(name, options.createHTML(input)) as unknown as TrustedHTML,
      };
    },
  };
  return { factory, rules };
}

function htmlOf(value: TrustedHTML | string): FakeTrustedHtml {
  expect(value).toBeInstanceOf(FakeTrustedHtml);
  return value as unknown as FakeTrustedHtml;
}

let sanitize: Sanitizer;
let payloads: XssPayload[];

beforeAll(async () => {
  sanitize = createNodeSanitizer();
  payloads = await loadXssPayloads();
});

describe('createPreviewTrustedTypes', () => {
  it('creates exactly the two app policies', () => {
    const { factory, rules } = fakeFactory();
    createPreviewTrustedTypes(factory, sanitize);
    expect([...rules.keys()]).toEqual(['app-preview', 'app-preview-shell']);
  });

  it('app-preview leaves nothing executable in any corpus payload', () => {
    const { factory } = fakeFactory();
    const trusted = createPreviewTrustedTypes(factory, sanitize);
    expect(payloads.length).toBeGreaterThan(300);
    for (const { source, payload } of payloads) {
      const made = htmlOf(trusted.previewHtml(payload));
      expect(made.policy).toBe('app-preview');
      expect(xssProblem(made.html), source).toBeNull();
    }
  });

  it('app-preview is not a pass-through: script, handlers and javascript: URLs go', () => {
    const { factory } = fakeFactory();
    const trusted = createPreviewTrustedTypes(factory, sanitize);
    const made = htmlOf(
      trusted.previewHtml(
        '<p onclick="alert(1)">a</p><script>alert(2)</script><a href="javascript:alert(3)">b</a>' +
          '<img src=x onerror=alert(4)><iframe srcdoc="<script>alert(5)</script>"></iframe>',
      ),
    );
    expect(made.html).toBe('<p>a</p><a>b</a><img src="x">');
  });

  it('app-preview keeps the preview’s own output unchanged (a second pass is idempotent)', () => {
    const { factory } = fakeFactory();
    const trusted = createPreviewTrustedTypes(factory, sanitize);
    const preview =
      '<h2 id="user-content-intro" data-source-line="3">Intro</h2>' +
      '<p data-source-line="4"><a href="#user-content-intro">back</a> <img src="/api/a.png" alt="a"></p>';
    const once = sanitize(preview);
    expect(htmlOf(trusted.previewHtml(once)).html).toBe(once);
    expect(once).toContain('id="user-content-intro"');
  });

  it('app-preview-shell blesses only the shell it builds itself', () => {
    const { factory, rules } = fakeFactory();
    const trusted = createPreviewTrustedTypes(factory, sanitize);
    const csp = "default-src 'none'; img-src https://app.test data:; style-src 'unsafe-inline'";
    const made = htmlOf(trusted.previewShell(csp, 'p { color: red }'));
    expect(made.policy).toBe('app-preview-shell');
    // The shell keeps the CSP <meta> and the <style> that DOMPurify would strip.
    expect(made.html).toBe(buildPreviewShell(csp, 'p { color: red }'));
    expect(made.html).toContain('<meta http-equiv="Content-Security-Policy"');
    // Asked directly (as any other code holding it would), it refuses every string.
    const shellRule = rules.get('app-preview-shell')!;
    expect(() => shellRule('<img src=x onerror=alert(1)>')).toThrow(
      /only accepts the preview shell/,
    );
    expect(() => shellRule(made.html)).toThrow(/only accepts the preview shell/);
  });

  it('the shell escapes what it is given, so a CSS or CSP value cannot end its element', () => {
    const { factory } = fakeFactory();
    const trusted = createPreviewTrustedTypes(factory, sanitize);
    const made = htmlOf(
      trusted.previewShell('x" onload="alert(1)', '</style><script>alert(1)</script>'),
    );
    const doc = new JSDOM(made.html, { virtualConsole: new VirtualConsole() }).window.document;
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('[onload]')).toBeNull();
  });

  it('without Trusted Types it returns strings, still sanitized', () => {
    const trusted = createPreviewTrustedTypes(undefined, sanitize);
    expect(trusted.previewHtml('<b onclick="x()">b</b><script>1</script>')).toBe('<b>b</b>');
    expect(trusted.previewShell('c', 's')).toBe(buildPreviewShell('c', 's'));
  });

  it('app-preview sanitizes every block it is given, each time', () => {
    const { factory } = fakeFactory();
    const seen: string[] = [];
    const trusted = createPreviewTrustedTypes(factory, (html) => {
      seen.push(html);
      return sanitize(html);
    });
    const block = '<p>two<img src="x" onerror="alert(1)"></p>';
    const made = htmlOf(trusted.previewHtml(block));
    expect(made.html).not.toContain('onerror');
    // Even DOMPurify's own output goes through it again: nothing is passed on trust.
    expect(htmlOf(trusted.previewHtml(made.html)).html).toBe(made.html);
    expect(seen).toEqual([block, made.html]);
  });
});
