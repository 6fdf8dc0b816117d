import { describe, expect, it } from 'vitest';

import { assertSameOrigin } from './csrf';

const url = 'http://127.0.0.1:3000/api/pages/1';

function request(headers: Record<string, string>, method = 'PUT') {
  return new Request(url, { method, headers });
}

const ok = {
  origin: 'http://127.0.0.1:3000',
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
};

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
  ])('refuses %s', (_label, headers) => {
    expect(() => assertSameOrigin(request(headers), {})).toThrow(
      expect.objectContaining({ code: 'csrf_rejected' }),
    );
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
