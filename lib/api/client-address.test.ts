import { describe, expect, it } from 'vitest';

import {
  clientAddress,
  clientKey,
  SOCKET_ADDRESS_HEADER,
  SOCKET_ADDRESS_TOKEN_ENV,
} from './client-address';

const TOKEN = 'a'.repeat(64);
const SERVER_ENV = { [SOCKET_ADDRESS_TOKEN_ENV]: TOKEN };

function requestWith(headers: Record<string, string>): Request {
  return new Request('http://app.example/api/session', { headers });
}

describe('clientAddress (RATE-1)', () => {
  it('is the socket address the production server stamped', () => {
    const request = requestWith({ [SOCKET_ADDRESS_HEADER]: `${TOKEN} 10.1.2.3` });
    expect(clientAddress(request, SERVER_ENV)).toBe('10.1.2.3');
  });

  it.each([
    ['a wrong token', `${'b'.repeat(64)} 10.1.2.3`],
    ['a shorter token', 'aaaa 10.1.2.3'],
    ['no token', '10.1.2.3'],
    ['extra words', `${TOKEN} 10.1.2.3 10.9.9.9`],
    ['an address that is none', `${TOKEN} direct`],
  ])('believes no stamp with %s', (_, value) => {
    expect(clientAddress(requestWith({ [SOCKET_ADDRESS_HEADER]: value }), SERVER_ENV)).toBeNull();
  });

  it('is unknown (null) outside the production server, whatever the client sends', () => {
    const request = requestWith({
      [SOCKET_ADDRESS_HEADER]: `${TOKEN} 10.1.2.3`,
      'x-forwarded-for': '203.0.113.7',
    });
    expect(clientAddress(request, {})).toBeNull();
  });

  it('takes the last X-Forwarded-For entry (the one the proxy appended), only with TRUST_PROXY=1', () => {
    const request = requestWith({
      'x-forwarded-for': '203.0.113.7, 198.51.100.2',
      [SOCKET_ADDRESS_HEADER]: `${TOKEN} 10.0.0.5`,
    });
    expect(clientAddress(request, { ...SERVER_ENV, TRUST_PROXY: '1' })).toBe('198.51.100.2');
    expect(clientAddress(request, SERVER_ENV)).toBe('10.0.0.5');
  });

  it('falls back to the socket behind TRUST_PROXY=1 when the proxy sent no address', () => {
    const request = requestWith({ [SOCKET_ADDRESS_HEADER]: `${TOKEN} 10.0.0.5` });
    expect(clientAddress(request, { ...SERVER_ENV, TRUST_PROXY: '1' })).toBe('10.0.0.5');
  });
});

describe('clientKey: one key per client', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['[::ffff:10.0.0.1]', '10.0.0.1'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002:0:0:0:9', '2001:db8:1:2::/64'],
  ])('%j is %j', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it.each([[undefined], [''], ['direct'], ['unknown'], ['1.2.3.4.5']])(
    '%j is no address',
    (address) => {
      expect(clientKey(address)).toBeNull();
    },
  );
});
