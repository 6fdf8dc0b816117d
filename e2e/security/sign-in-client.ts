import { request } from 'node:http';

import { CSRF_HEADERS } from '../../lib/http/csrf-header';

/**
 * POST /api/session from a chosen loopback address (any 127.x address reaches the app's
 * loopback listener on Linux), so a spec can be several clients: the production server keys
 * sign-in throttling on the socket's address, which no header can change.
 */
export function signInFrom(
  localAddress: string,
  app: string,
  body: Record<string, string>,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const url = new URL('/api/session', app);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          origin: new URL(app).origin,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...CSRF_HEADERS,
          ...extraHeaders,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? ''])
              headers.append(name, one);
          }
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers }));
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
