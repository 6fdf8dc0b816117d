import { describe, expect, it } from 'vitest';

import { CSRF_HEADERS } from '@/lib/http/csrf-header';

import { assertSameOrigin } from './csrf';

const url = 'http://127.0.0.1:3000/api/pages/1';

function request(headers: Record<string, string>, method = 'PUT') {
  return new Request(url, { method, headers });
}

const ok = {
  origin: 'http://127.0.0.1:3000',
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
  ...CSRF_HEADERS,
};
const { 'x-cfe-csrf': _marker, ...unmarked } = ok;

function reasonFor(headers: Record<string, string>, method = 'PUT'): unknown {
  try {
    assertSameOrigin(request(headers, method), {});
  } catch (error) {
    return (error as { details?: { reason?: string } }).details?.reason;
  }
  return 'accepted';
}

describe('assertSameOrigin (SESS-6)', () => {
  it('lets a same-origin JSON request through', () => {
    expect(() => assertSameOrigin(request(ok), {})).not.toThrow();
    expect(() => assertSameOrigin(request({ ...ok, 'sec-fetch-site': '' }), {})).toThrow();
    const { 'sec-fetch-site': _ignored, ...withoutFetchSite } = ok;
    expect(() => assertSameOrigin(request(withoutFetchSite), {})).not.toThrow();
  });

  it.each([
    ['a foreign Origin', { ...ok, origin: 'https://evil.test' }],
    ['no Origin', { 'content-type': 'application/json' }],
    ['a cross-site fetch', { ...ok, 'sec-fetch-site': 'cross-site' }],
    ['a form post', { ...ok, 'content-type': 'text/plain' }],
    ['a urlencoded form', { ...ok, 'content-type': 'application/x-www-form-urlencoded' }],
    ['no X-CFE-CSRF header', unmarked],
    ['an X-CFE-CSRF header of another value', { ...ok, 'x-cfe-csrf': '0' }],
  ])('refuses %s', (_label, headers) => {
    expect(() => assertSameOrigin(request(headers), {})).toThrow(
      expect.objectContaining({ code: 'csrf_rejected' }),
    );
  });

  it('requires the X-CFE-CSRF: 1 header, and says so (SESS-6)', () => {
    expect(reasonFor(unmarked)).toBe('no csrf header');
    expect(reasonFor({ ...ok, 'X-CFE-CSRF': 'true' })).toBe('wrong csrf header');
    expect(reasonFor({ ...ok, 'x-cfe-csrf': '' })).toBe('wrong csrf header');
    // Header names are case-insensitive: the spelling of docs/security.md's example is accepted.
    expect(reasonFor({ ...unmarked, 'X-CFE-CSRF': '1' })).toBe('accepted');
    // The other checks keep their own reasons when the header is there.
    expect(reasonFor({ ...ok, origin: 'https://evil.test' })).toBe('foreign origin');
    expect(reasonFor({ ...ok, 'content-type': 'text/plain' })).toBe('not json');
  });

  it('takes a bodiless DELETE without a content type, but never without the header', () => {
    const { 'content-type': _type, ...bodiless } = ok;
    expect(reasonFor(bodiless, 'DELETE')).toBe('accepted');
    const { 'x-cfe-csrf': _unmarkedToo, ...bodilessUnmarked } = bodiless;
    expect(reasonFor(bodilessUnmarked, 'DELETE')).toBe('no csrf header');
  });

  it('uses APP_ORIGIN when the operator sets it, not the Host the request claims', () => {
    expect(() =>
      assertSameOrigin(request(ok), { APP_ORIGIN: 'https://pagewright.corp.example' }),
    ).toThrow();
    expect(() =>
      assertSameOrigin(request({ ...ok, origin: 'https://pagewright.corp.example' }), {
        APP_ORIGIN: 'https://pagewright.corp.example/',
      }),
    ).not.toThrow();
  });
});

describe('the host the browser addressed', () => {
  it('is accepted when Next reports another name for it', () => {
    const seenByNext = new Request('http://localhost:3000/api/session', {
      method: 'POST',
      headers: { ...ok, host: '127.0.0.1:3000' },
    });
    expect(() => assertSameOrigin(seenByNext, {})).not.toThrow();
    const forged = new Request('http://localhost:3000/api/session', {
      method: 'POST',
      headers: { ...ok, host: '127.0.0.1:3000', origin: 'http://evil.test' },
    });
    expect(() => assertSameOrigin(forged, {})).toThrow();
  });
});
