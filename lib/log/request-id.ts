import { randomUUID } from 'node:crypto';

/** What a caller may choose as its request id; anything else is replaced (no log injection). */
const REQUEST_ID = /^[\w-]{8,64}$/;

/**
 * The request's id: the one the production server (lib/server/pagewright-server.js) or a proxy
 * in front put in `x-request-id` when it is well-formed, else a fresh one. Every log line about
 * the request and every error body carries it, so "it failed, request id …" is one grep away.
 */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
