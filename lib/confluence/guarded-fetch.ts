import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

import { ConfluenceError, redactRequest } from './errors';

/**
 * The one way this server talks to Confluence (docs/security.md SSRF-3, SSRF-4, SSRF-6): every
 * address a name resolves to is checked at connect time (so DNS rebinding cannot slip a private
 * address in after the allowlist check), literal IPs are checked without a lookup, redirects are
 * never followed, and time and size are bounded. `fetch` and `Agent` come from the same undici.
 */

/** Cloud metadata endpoints: never reachable, not even for sites allowed on private networks. */
const ALWAYS_BLOCKED = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

export function isAddressAllowed(address: string, privateOk: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (ALWAYS_BLOCKED.has(parsed.toString())) return false;
  const range = parsed.range();
  if (range === 'unicast') return true;
  if (!privateOk) return false;
  return (
    ['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat'].includes(range) &&
    !(parsed.kind() === 'ipv4' && range === 'linkLocal')
  );
}

export type LookupFunction = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export interface GuardOptions {
  privateOk: boolean;
  /** Injected in tests to play DNS tricks. */
  lookup?: LookupFunction;
  connectTimeoutMs?: number;
  /** One attempt, connect to last byte. */
  totalTimeoutMs?: number;
  /**
   * One request as the caller sees it: every try of a GET and the waits between them
   * (ConfluenceTransport). Past it the request fails with kind `timeout`.
   */
  deadlineMs?: number;
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export function createGuardedAgent(options: GuardOptions): Agent {
  const lookup: LookupFunction =
    options.lookup ?? ((hostname, opts, callback) => dnsLookup(hostname, opts, callback));
  return new Agent({
    connect: {
      timeout: options.connectTimeoutMs ?? 5_000,
      lookup(hostname, lookupOptions, callback) {
        lookup(hostname, { all: true }, (error, addresses) => {
          if (error) return callback(error, '', 4);
          const refused = addresses.find((a) => !isAddressAllowed(a.address, options.privateOk));
          if (refused || addresses.length === 0) {
            const blocked = Object.assign(new Error(`${hostname} resolves to a blocked address`), {
              code: 'EBLOCKED',
            });
            return callback(blocked, '', 4);
          }
          if ((lookupOptions as { all?: boolean }).all) {
            (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
          } else {
            callback(null, addresses[0]!.address, addresses[0]!.family);
          }
        });
      },
    },
  });
}

/**
 * Agents keep connections alive between requests: one per kind of guard is shared by every
 * request of the process (a fresh agent per request meant a fresh TCP/TLS handshake each time).
 * Guards with a custom lookup (tests) always get their own.
 */
const sharedAgents = new Map<string, Agent>();

export function agentFor(options: GuardOptions): { agent: Agent; shared: boolean } {
  if (options.lookup) return { agent: createGuardedAgent(options), shared: false };
  const key = `${options.privateOk}|${options.connectTimeoutMs ?? ''}`;
  let agent = sharedAgents.get(key);
  if (!agent) {
    agent = createGuardedAgent(options);
    sharedAgents.set(key, agent);
  }
  return { agent, shared: true };
}

export interface GuardedResponse {
  status: number;
  headers: Headers;
  /** The body as text (JSON answers, error pages). */
  body: string;
  /** The same body as bytes (attachments). */
  bytes: Buffer;
}

/**
 * Fetches `url` through `agent`; reads at most `maxBytes`. Network failures, refused addresses,
 * redirects and timeouts all become {@link ConfluenceError}s carrying a redacted request.
 * `deadline` (the caller's whole-request deadline) ends the attempt early when it fires first.
 */
export async function guardedFetch(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    /** A stream is sent as it is read (uploads), never gathered first. */
    body?: string | ReadableStream<Uint8Array>;
    /** Takes the answer's bytes as they arrive instead of keeping them (checksums of files). */
    consume?: (chunk: Uint8Array) => void;
  },
  agent: Agent,
  options: GuardOptions,
  deadline?: AbortSignal,
): Promise<GuardedResponse> {
  const method = init.method ?? 'GET';
  const request = redactRequest(method, url, init.headers);
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAddressAllowed(host, options.privateOk)) {
    throw new ConfluenceError('site_not_allowed', `${host} is a blocked address`, { request });
  }
  let response;
  try {
    response = await undiciFetch(url, {
      ...({ ...init, consume: undefined } as UndiciRequestInit),
      ...(typeof init.body === 'object' ? { duplex: 'half' as const } : {}),
      method,
      redirect: 'manual',
      dispatcher: agent,
      signal: attemptSignal(options, deadline),
    });
  } catch (error) {
    throw networkError(error, request);
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new ConfluenceError(
      'unexpected_response',
      `Confluence answered with a redirect (HTTP ${response.status}); redirects are not followed.`,
      {
        status: response.status,
        request,
      },
    );
  }
  const bytes = await readCapped(
    response,
    options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    request,
    response.status < 300 ? init.consume : undefined,
  );
  return {
    status: response.status,
    headers: new Headers(response.headers as unknown as HeadersInit),
    body: bytes.toString('utf8'),
    bytes,
  };
}

function attemptSignal(options: GuardOptions, deadline: AbortSignal | undefined): AbortSignal {
  const attempt = AbortSignal.timeout(options.totalTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  return deadline ? AbortSignal.any([attempt, deadline]) : attempt;
}

async function readCapped(
  response: Awaited<ReturnType<typeof undiciFetch>>,
  maxBytes: number,
  request: ReturnType<typeof redactRequest>,
  consume?: (chunk: Uint8Array) => void,
): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new ConfluenceError(
          'response_too_large',
          `Confluence's answer exceeded ${maxBytes} bytes`,
          { status: response.status, request, maxBytes },
        );
      }
      if (consume) consume(value);
      else chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ConfluenceError) throw error;
    throw networkError(error, request);
  }
  return Buffer.concat(chunks);
}

function networkError(error: unknown, request: ReturnType<typeof redactRequest>): ConfluenceError {
  const cause = error instanceof Error ? ((error as { cause?: unknown }).cause ?? error) : error;
  const code = (cause as { code?: string } | undefined)?.code;
  const name = (error as { name?: string } | undefined)?.name;
  if (code === 'EBLOCKED') {
    return new ConfluenceError(
      'site_not_allowed',
      'The site resolves to an address this server may not reach.',
      {
        request,
      },
    );
  }
  if (
    name === 'TimeoutError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT'
  ) {
    return new ConfluenceError('timeout', 'Confluence did not answer in time.', {
      request,
      transient: true,
    });
  }
  return new ConfluenceError(
    'network',
    `Confluence could not be reached (${code ?? 'network error'}).`,
    {
      request,
      transient: true,
    },
  );
}
