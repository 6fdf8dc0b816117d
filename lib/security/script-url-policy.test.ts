import { describe, expect, it } from 'vitest';

import {
  installDefaultScriptUrlPolicy,
  isBundledScriptUrl,
  type ScriptUrlPolicyFactory,
} from './script-url-policy';

const APP = 'https://pagewright.example';

describe('isBundledScriptUrl', () => {
  it.each([
    '/_next/static/chunks/0abc.js',
    `${APP}/_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js#params=%5B%5D`,
    '/_next/static/media/editor.worker.1duyl2hr9iop5.js?dpl=abc',
    // Relative to the document, as Turbopack's chunk loader may write it.
    '_next/static/chunks/x.js',
  ])('accepts the build’s own script %s', (url) => {
    expect(isBundledScriptUrl(url, APP)).toBe(true);
  });

  it.each([
    ['another origin', 'https://cdn.example/_next/static/chunks/x.js'],
    ['another port', 'https://pagewright.example:8443/_next/static/chunks/x.js'],
    ['plain http on an https app', 'http://pagewright.example/_next/static/chunks/x.js'],
    ['protocol-relative', '//evil.example/_next/static/x.js'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with spacing', ' JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/javascript,alert(1)'],
    ['a blob: of this origin', `blob:${APP}/0d4b5a9e-6c33-4b7f-9e1c-2f4e3b0c1a22`],
    ['outside /_next/static', '/api/csp-report'],
    ['a look-alike prefix', '/_next/staticx/chunks/x.js'],
    ['dot-dot out of static', '/_next/static/../../api/x.js'],
    ['encoded dot-dot out of static', '/_next/static/%2e%2e/%2e%2e/api/x.js'],
    ['an encoded slash', '/_next/static/..%2f..%2fapi/x.js'],
    ['an encoded backslash', '/_next/static/..%5capi/x.js'],
    ['user info', 'https://user:pw@pagewright.example/_next/static/x.js'],
    ['not a URL at all', 'http://[::1'],
  ])('refuses %s', (_what, url) => {
    expect(isBundledScriptUrl(url, APP)).toBe(false);
  });
});

/** A stand-in for the browser's factory: one policy per name, `default` at most once. */
function fakeFactory() {
  const policies = new Map<string, { createScriptURL: (input: string) => string | null }>();
  const factory: ScriptUrlPolicyFactory = {
    get defaultPolicy() {
      return policies.get('default') ?? null;
    },
    createPolicy(name, rules) {
      if (name === 'default' && policies.has('default')) throw new TypeError('default exists');
      policies.set(name, rules);
      return { createScriptURL: (input: string) => rules.createScriptURL(input) };
    },
  };
  return { factory, policies };
}

describe('installDefaultScriptUrlPolicy', () => {
  it('creates a default policy for script URLs only, once', () => {
    const { factory, policies } = fakeFactory();
    expect(installDefaultScriptUrlPolicy(factory, APP)).toBe(true);
    expect(installDefaultScriptUrlPolicy(factory, APP)).toBe(false);
    const rules = policies.get('default')!;
    expect(Object.keys(rules)).toEqual(['createScriptURL']);
    expect(rules.createScriptURL('/_next/static/chunks/a.js')).toBe('/_next/static/chunks/a.js');
    // null: the browser refuses the sink and reports it.
    expect(rules.createScriptURL('https://evil.example/x.js')).toBeNull();
    expect(rules.createScriptURL('javascript:alert(1)')).toBeNull();
    expect(rules.createScriptURL('data:text/javascript,alert(1)')).toBeNull();
  });

  it('does nothing where the browser has no Trusted Types', () => {
    expect(installDefaultScriptUrlPolicy(undefined, APP)).toBe(false);
  });
});
