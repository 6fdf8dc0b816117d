import { timingSafeEqual } from 'node:crypto';

import ipaddr from 'ipaddr.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The header through which the production server (lib/server/pagewright-server.js) tells the app
 * the address of the socket a request came in on: Next's route handlers cannot see the socket.
 * The server deletes any copy a client sent and writes `<token> <address>`, where the token is a
 * random value it puts in SOCKET_ADDRESS_TOKEN_ENV at boot, in its own process (which also runs
 * the app). A client cannot know the token, so under any other entry point (`next dev`,
 * `next start`) a forged header is simply not believed.
 */
export const SOCKET_ADDRESS_HEADER = 'x-pagewright-socket-address';
export const SOCKET_ADDRESS_TOKEN_ENV = 'PAGEWRIGHT_SOCKET_ADDRESS_TOKEN';

/**
 * Who a request comes from, as a throttling key (docs/security.md RATE-1), or null when that
 * cannot be known. With TRUST_PROXY=1 it is the last `X-Forwarded-For` entry, the one the
 * operator's proxy appended (earlier entries are the client's own claims); otherwise, or when
 * the proxy sent none, the socket's address as the production server reported it.
 */
export function clientAddress(request: Request, env: Env = process.env): string | null {
  if (env.TRUST_PROXY === '1') {
    const forwarded = clientKey(request.headers.get('x-forwarded-for')?.split(',').at(-1));
    if (forwarded) return forwarded;
  }
  return clientKey(socketAddress(request, env));
}

function socketAddress(request: Request, env: Env): string | undefined {
  const token = env[SOCKET_ADDRESS_TOKEN_ENV];
  const value = request.headers.get(SOCKET_ADDRESS_HEADER);
  if (!token || !value) return undefined;
  const [given = '', address, ...rest] = value.split(' ');
  if (rest.length > 0 || !sameSecret(given, token)) return undefined;
  return address;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One key per client. IPv4, also when written as IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a
 * dual-stack socket reports it), is the address itself. IPv6 is keyed by its /64: a subscriber
 * is usually given a whole /64, and keying on single addresses would hand one client 2^64 buckets.
 */
export function clientKey(address: string | undefined): string | null {
  const text = address?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!text || !ipaddr.isValid(text)) return null;
  const parsed = ipaddr.process(text);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4);
  return `${prefix.join(':')}::/64`;
}
