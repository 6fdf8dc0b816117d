/** One part of a `multipart/form-data` body. */
export interface FormPart {
  name: string;
  /** Set for file parts. */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The boundary of a multipart content type, or null when it is not multipart/form-data. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Splits a multipart body into its parts (RFC 7578). File names arrive as the browser and
 * undici send them: UTF-8 bytes, a quote as `%22`, CR and LF as `%0D`/`%0A`. Null when the body
 * is not well-formed.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) return null;
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') return parts;
    if (body.subarray(position, position + 2).toString() !== '\r\n') return null;
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) return null;
    const headers = body.subarray(position, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) return null;
    const part = partFrom(headers, body.subarray(headerEnd + 4, next));
    if (!part) return null;
    parts.push(part);
    position = next + 2;
  }
}

function partFrom(headerText: string, data: Buffer): FormPart | null {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key !== 'content-disposition') continue;
    name = /\bname="([^"]*)"/i.exec(value)?.[1];
    const quoted = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    if (quoted !== undefined) filename = decodeFormName(quoted);
  }
  return name === undefined ? null : { name, filename, contentType, data };
}

function decodeFormName(value: string): string {
  return value.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
