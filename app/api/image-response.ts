import { PROXIED_CONTENT_POLICY } from '@/lib/api/security-headers';

/** Types a browser may show inline; anything else is offered as a download. */
const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp|avif|bmp)|application\/pdf|text\/plain)$/;

/**
 * The answer for a file fetched from Confluence for the preview. SVG and HTML could run script
 * on our origin, so they are never served as themselves to a page load. SVG is served as an image
 * only to an image load (`Sec-Fetch-Dest: image`), where browsers run no script in it; a direct
 * visit gets a download. The sandbox CSP holds either way (docs/security.md XSS-6).
 */
export function imageResponse(
  request: Request,
  bytes: Buffer,
  type: string,
  filename: string,
): Response {
  const svgAsImage =
    type === 'image/svg+xml' && request.headers.get('sec-fetch-dest')?.toLowerCase() === 'image';
  const inline = INLINE_TYPES.test(type) || svgAsImage;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': inline ? type : 'application/octet-stream',
      'content-disposition': `${inline && !svgAsImage ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': PROXIED_CONTENT_POLICY,
      'cache-control': 'private, max-age=300',
    },
  });
}
