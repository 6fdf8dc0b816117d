import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, contentSecurityPolicyReportOnly } from './security-headers';

const TT_NAMES =
  "trusted-types default app-preview app-preview-shell dompurify defaultWorkerFactory diffEditorWidget diffReview domLineBreaksComputer editorGhostText editorViewLayer richScreenReaderContent standaloneColorizer stickyScrollViewLayer tokenizeToString 'allow-duplicates'";

const BASE = [
  "default-src 'self'",
  "script-src 'nonce-abc' 'strict-dynamic'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

describe('contentSecurityPolicy (CSP-1, XSS-9)', () => {
  it('enforces Trusted Types in enforce mode, before report-to', () => {
    expect(
      contentSecurityPolicy('abc', { dev: false, https: false, trustedTypes: 'enforce' }),
    ).toBe([...BASE, "require-trusted-types-for 'script'", TT_NAMES, 'report-to csp'].join('; '));
  });

  it('leaves Trusted Types out of the enforced policy in report-only and off modes', () => {
    for (const trustedTypes of ['report-only', 'off'] as const) {
      expect(contentSecurityPolicy('abc', { dev: false, https: false, trustedTypes })).toBe(
        [...BASE, 'report-to csp'].join('; '),
      );
    }
  });

  it('upgrades insecure requests only on https, and allows eval only in dev', () => {
    const https = contentSecurityPolicy('abc', {
      dev: false,
      https: true,
      trustedTypes: 'enforce',
    });
    expect(https).toContain(`${TT_NAMES}; upgrade-insecure-requests; report-to csp`);
    expect(https).not.toContain('unsafe-eval');
    const dev = contentSecurityPolicy('abc', { dev: true, https: false });
    expect(dev).toContain("script-src 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(dev).toContain("connect-src 'self' ws: wss:");
  });
});

describe('contentSecurityPolicyReportOnly (XSS-9 rollout)', () => {
  it('reports Trusted Types violations to the csp endpoint in report-only mode', () => {
    expect(contentSecurityPolicyReportOnly('report-only')).toBe(
      `require-trusted-types-for 'script'; ${TT_NAMES}; report-to csp`,
    );
  });

  it('sends no report-only header when enforcing or off', () => {
    expect(contentSecurityPolicyReportOnly('enforce')).toBeNull();
    expect(contentSecurityPolicyReportOnly('off')).toBeNull();
  });
});
