import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

import { proxy } from '@/proxy';

import { PROXIED_CONTENT_POLICY, servesProxiedContent } from './security-headers';

/**
 * What proxy.ts puts on a response replaces the route's own header, so the proxy itself must
 * give files from Confluence their sandbox (e2e/security/attachment-csp.spec.ts checks the
 * header the browser finally receives).
 */
function headersFor(path: string): Headers {
  return proxy(new NextRequest(`http://127.0.0.1:3000${path}`)).headers;
}

describe('the policy proxy.ts sets', () => {
  it('is the sandbox on every attachment of every page', () => {
    for (const path of [
      '/api/pages/9470043/attachments/gradient.png',
      '/api/pages/9470043/attachments/diagram.svg',
      '/api/pages/1/attachments/a%20b.html',
      '/api/pages/1/%61ttachments/x.svg',
      '/api/pages/1/attachments',
      '/api/resources?path=%2Fwiki%2Fimages%2Ficons%2Femoticons%2Fsmile.svg',
      '/api/%72esources',
    ]) {
      const headers = headersFor(path);
      expect(headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
      );
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('content-security-policy-report-only'), path).toBeNull();
    }
  });

  it('is the app’s nonce policy everywhere else', () => {
    for (const path of [
      '/',
      '/pages/9470043',
      '/api/pages/9470043',
      '/api/render',
      '/attachments/x',
    ]) {
      const policy = headersFor(path).get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy, path).not.toBe(PROXIED_CONTENT_POLICY);
    }
  });

  it('recognises the attachment routes only', () => {
    expect(servesProxiedContent('/api/pages/1/attachments/x.png')).toBe(true);
    expect(servesProxiedContent('/api/pages/1/attachmentsx')).toBe(false);
    expect(servesProxiedContent('/api/pages/1/versions/2')).toBe(false);
    expect(servesProxiedContent('/api/pages/%E0%A4%A/attachments/x')).toBe(true);
  });
});
