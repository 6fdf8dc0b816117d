import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Test-only loader of the shared XSS corpora (docs/security.md §0): DOMPurify's expect.mjs payloads
 * and the H5SC vectors with their `%placeholder%` templates expanded from payloads.js.
 */

const XSS_DIR = resolve(__dirname, '../../../../shared/corpus/xss');

export interface XssPayload {
  source: string;
  payload: string;
}

export async function loadXssPayloads(): Promise<XssPayload[]> {
  const dompurify = (await import(
    /* @vite-ignore */ pathToFileURL(resolve(XSS_DIR, 'dompurify/expect.mjs')).href
  )) as { default: Array<{ title?: string; payload: string }> };
  const require = createRequire(__filename);
  const items = require(resolve(XSS_DIR, 'h5sc/items.js')) as Array<{ id: number; data: string }>;
  const templates = require(resolve(XSS_DIR, 'h5sc/payloads.js')) as Record<string, string>;
  const fromDompurify = dompurify.default.map((entry, index) => ({
    source: `dompurify#${index} ${entry.title ?? ''}`.trim(),
    payload: entry.payload,
  }));
  const fromH5sc = items.map((item) => ({
    source: `h5sc#${item.id}`,
    payload: item.data.replace(/%([a-z_0-9]+)%/g, (match, key: string) =>
      Object.hasOwn(templates, key) ? templates[key]! : match,
    ),
  }));
  return [...fromDompurify, ...fromH5sc];
}
