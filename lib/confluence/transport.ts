import { createHash } from 'node:crypto';

import type { Agent } from 'undici';
import type { z } from 'zod';

import {
  confluenceErrorFromResponse,
  ConfluenceError,
  redactRequest,
  type RedactedRequest,
} from './errors';
import {
  agentFor,
  DEFAULT_DEADLINE_MS,
  guardedFetch,
  type GuardedResponse,
  type GuardOptions,
} from './guarded-fetch';
import type { ConfluenceCredentials } from './model';

export interface TransportOptions {
  /**
   * Where API paths start: the site origin for Cloud (paths begin `wiki/…`), origin plus context
   * path for Data Center (paths begin `rest/api/…`). See `transportBase` in client.ts.
   */
  baseUrl: string;
  credentials: ConfluenceCredentials;
  guard: GuardOptions;
  /** Tests shorten the waits. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RequestOptions<T> {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  json?: unknown;
  schema: z.ZodType<T>;
}

type UpstreamInit = { method: string; headers: Record<string, string>; body?: string };

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const MAX_TRIES = 5;
const BACKOFF_CAP_MS = 30_000;
const BACKOFF_BASE_MS = 500;

export function authorizationHeader(credentials: ConfluenceCredentials): string {
  switch (credentials.method) {
    case 'cloud-token':
      return `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString('base64')}`;
    case 'dc-password':
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    case 'dc-pat':
      return `Bearer ${credentials.token}`;
  }
}

/**
 * HTTP to one Confluence site with one user's credentials. GETs are retried on 429/502/503/504
 * and network failures with capped exponential backoff and jitter, honouring Retry-After, at most
 * five tries, all within one deadline (`guard.deadlineMs`, 30 s): a Confluence that never answers
 * holds a request for the deadline, not for five timeouts. Writes are never retried here: the
 * caller decides (see savePage's reconciliation).
 */
/** Any answer outside 2xx becomes the ConfluenceError its status and body call for. */
function throwUnlessSuccess(response: GuardedResponse, request: RedactedRequest): void {
  if (response.status < 200 || response.status >= 300) {
    throw confluenceErrorFromResponse(response.status, response.headers, response.body, request);
  }
}

export class ConfluenceTransport {
  private readonly agent: Agent;
  private readonly sharedAgent: boolean;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly base: URL;

  constructor(private readonly options: TransportOptions) {
    const { agent, shared } = agentFor(options.guard);
    this.agent = agent;
    this.sharedAgent = shared;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  }

  /** Builds the URL and proves it stayed on the site (docs/security.md SSRF-5). */
  url(path: string, query: RequestOptions<unknown>['query'] = {}): string {
    const url = new URL(path.replace(/^\//, ''), this.base);
    if (url.origin !== this.base.origin || !url.pathname.startsWith(this.base.pathname)) {
      throw new ConfluenceError(
        'site_not_allowed',
        'Refusing a request that would leave the Confluence site.',
      );
    }
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value])
        url.searchParams.append(key, String(item));
    }
    return url.toString();
  }

  async request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
    const url = this.url(path, options.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: authorizationHeader(this.options.credentials),
    };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const init = {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    };
    const response =
      method === 'GET' ? await this.withRetries(url, init) : await this.withDeadline(url, init);
    return this.parse(response, method, url, headers, options.schema);
  }

  /**
   * A binary download (attachments): same guards and retries as a GET, no JSON. `path` may be
   * a link Confluence gave us; it must stay on the site like any other path.
   */
  async download(path: string): Promise<{ contentType: string; bytes: Buffer }> {
    const url = this.url(path);
    const headers = { authorization: authorizationHeader(this.options.credentials) };
    const response = await this.withRetries(url, { method: 'GET', headers });
    throwUnlessSuccess(response, redactRequest('GET', url, headers));
    return {
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      bytes: response.bytes,
    };
  }

  private get deadlineMs(): number {
    return this.options.guard.deadlineMs ?? DEFAULT_DEADLINE_MS;
  }

  private async withDeadline(url: string, init: UpstreamInit): Promise<GuardedResponse> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    try {
      return await guardedFetch(url, init, this.agent, this.options.guard, deadline);
    } catch (error) {
      throw deadline.aborted ? this.deadlinePassed(url, init) : error;
    }
  }

  private async withRetries(url: string, init: UpstreamInit): Promise<GuardedResponse> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const deadlineAt = Date.now() + this.deadlineMs;
    for (let attempt = 1; ; attempt++) {
      let retryAfterMs: number | undefined;
      let answered: GuardedResponse | undefined;
      let failure: unknown;
      try {
        answered = await guardedFetch(url, init, this.agent, this.options.guard, deadline);
        if (!RETRY_STATUSES.has(answered.status) || attempt >= MAX_TRIES) return answered;
        retryAfterMs = confluenceErrorFromResponse(answered.status, answered.headers, '').details
          .retryAfterMs;
      } catch (error) {
        if (deadline.aborted) throw this.deadlinePassed(url, init);
        const transient = error instanceof ConfluenceError && error.details.transient;
        if (!transient || attempt >= MAX_TRIES) throw error;
        failure = error;
      }
      const backoff = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      const jittered = backoff / 2 + this.random() * (backoff / 2);
      const wait = Math.min(BACKOFF_CAP_MS, Math.max(jittered, retryAfterMs ?? 0));
      // A wait that would outlast the deadline is not worth starting: the last answer stands
      // (a 429 then reaches the browser with its Retry-After).
      if (Date.now() + wait >= deadlineAt) {
        if (answered) return answered;
        throw failure;
      }
      await this.sleep(wait);
    }
  }

  private deadlinePassed(url: string, init: UpstreamInit): ConfluenceError {
    return new ConfluenceError(
      'timeout',
      `Confluence did not answer within ${this.deadlineMs} ms (every try included).`,
      { request: redactRequest(init.method, url, init.headers), deadlineMs: this.deadlineMs },
    );
  }

  private parse<T>(
    response: GuardedResponse,
    method: string,
    url: string,
    headers: Record<string, string>,
    schema: z.ZodType<T>,
  ): T {
    const request = redactRequest(method, url, headers);
    throwUnlessSuccess(response, request);
    const type = response.headers.get('content-type') ?? '';
    let json: unknown;
    try {
      if (!type.includes('json')) throw new Error(type);
      json = JSON.parse(response.body);
    } catch {
      throw new ConfluenceError(
        'unexpected_response',
        `Confluence answered ${type || 'without a content type'} instead of JSON (a login page or proxy in between?).`,
        { status: response.status, request, upstreamExcerpt: response.body.slice(0, 500) },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ConfluenceError(
        'unexpected_response',
        'Confluence answered in a shape Pagewright does not know.',
        {
          status: response.status,
          request,
          upstreamExcerpt: parsed.error.message.slice(0, 500),
        },
      );
    }
    return parsed.data;
  }

  /**
   * A write whose body is a stream (attachment uploads, docs/security.md SSRF-5): the same site
   * check, guard and error mapping as `request`, never retried (the stream is read once), under
   * its own deadline since a large file takes longer than a JSON call. A 204 answers `undefined`.
   */
  async send<T>(
    method: string,
    path: string,
    options: {
      body: ReadableStream<Uint8Array>;
      headers: Record<string, string>;
      schema: z.ZodType<T>;
      deadlineMs: number;
    },
  ): Promise<T> {
    const url = this.url(path);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: authorizationHeader(this.options.credentials),
      ...options.headers,
    };
    const deadline = AbortSignal.timeout(options.deadlineMs);
    let response: GuardedResponse;
    try {
      response = await guardedFetch(
        url,
        { method, headers, body: options.body },
        this.agent,
        { ...this.options.guard, totalTimeoutMs: options.deadlineMs },
        deadline,
      );
    } catch (error) {
      if (!deadline.aborted) throw error;
      throw new ConfluenceError(
        'timeout',
        `Confluence did not take the file within ${options.deadlineMs} ms.`,
        {
          request: redactRequest(method, url, headers),
        },
      );
    }
    return this.parse(response, method, url, headers, options.schema);
  }

  /**
   * SHA-256 and size of a file on the site, hashed as it streams (never held whole). Past
   * `maxBytes` it fails with `response_too_large`: the caller then knows the files differ.
   */
  async digest(path: string, maxBytes: number): Promise<{ sha256: string; size: number }> {
    const url = this.url(path);
    const headers = { authorization: authorizationHeader(this.options.credentials) };
    const hash = createHash('sha256');
    let size = 0;
    const deadline = AbortSignal.timeout(this.deadlineMs * 4);
    const response = await guardedFetch(
      url,
      {
        method: 'GET',
        headers,
        consume: (chunk) => {
          size += chunk.byteLength;
          hash.update(chunk);
        },
      },
      this.agent,
      { ...this.options.guard, maxBytes, totalTimeoutMs: this.deadlineMs * 4 },
      deadline,
    );
    throwUnlessSuccess(response, redactRequest('GET', url, headers));
    return { sha256: hash.digest('hex'), size };
  }

  /** A bodiless write Confluence answers with 204 (label removal). */
  async delete(path: string, query: RequestOptions<unknown>['query'] = {}): Promise<void> {
    const url = this.url(path, query);
    const headers = { authorization: authorizationHeader(this.options.credentials) };
    const response = await this.withDeadline(url, { method: 'DELETE', headers });
    throwUnlessSuccess(response, redactRequest('DELETE', url, headers));
  }

  /** Releases the connection pool unless it is the process-wide one. */
  close(): Promise<void> {
    return this.sharedAgent ? Promise.resolve() : this.agent.close();
  }
}
