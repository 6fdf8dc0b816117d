/** Test helpers: credentials and a tiny JSON fetch for talking to an emulator in tests. */

export const DC_DEMO = `Basic ${Buffer.from('demo:demo').toString('base64')}`;
export const DC_ALEX = `Basic ${Buffer.from('alex:alex').toString('base64')}`;
export const DC_READER = `Basic ${Buffer.from('reader:reader').toString('base64')}`;
export const DC_PAT = 'Bearer demo-pat';
export const CLOUD_DEMO = `Basic ${Buffer.from('demo@example.com:demo-token').toString('base64')}`;
export const CLOUD_READER = `Basic ${Buffer.from('reader@example.com:reader-token').toString('base64')}`;

export interface JsonAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests probe arbitrary shapes
}

/** Sends a request and returns status, headers, raw text and parsed JSON (if any). */
export async function call(
  url: string,
  options: {
    method?: string;
    auth?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.auth) headers.Authorization = options.auth;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A v1 PUT body that changes a page's storage body. */
export function v1Update(
  id: string,
  title: string,
  version: number,
  body: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    type: 'page',
    title,
    version: { number: version },
    body: { storage: { value: body, representation: 'storage' } },
    ...extra,
  };
}
