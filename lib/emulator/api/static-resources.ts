import type { ServerResponse } from 'node:http';

import { sendText } from '../http/respond';

/** Faces for the emoticons Confluence knows; any other name gets the plain smile. */
const MOUTHS: Record<string, string> = {
  smile: 'M10 19 Q16 25 22 19',
  sad: 'M10 23 Q16 17 22 23',
  wink: 'M10 19 Q16 25 22 19',
  laugh: 'M9 18 Q16 28 23 18 Z',
  cheeky: 'M10 20 L22 20',
};

function emoticonSvg(name: string): string {
  const mouth = MOUTHS[name] ?? MOUTHS.smile!;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><title>${name}</title>` +
    '<circle cx="16" cy="16" r="15" fill="#FFC400" stroke="#172B4D" stroke-width="1.5"/>' +
    '<circle cx="11" cy="12" r="2" fill="#172B4D"/><circle cx="21" cy="12" r="2" fill="#172B4D"/>' +
    `<path d="${mouth}" fill="none" stroke="#172B4D" stroke-width="2"/></svg>`
  );
}

const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60" viewBox="0 0 160 60"><title>Unknown attachment</title>' +
  '<rect x="1" y="1" width="158" height="58" fill="#F4F5F7" stroke="#97A0AF" stroke-dasharray="4"/>' +
  '<text x="80" y="35" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#42526E">Unknown attachment</text></svg>';

/**
 * Confluence's public static resources the view HTML points at: emoticon images
 * (`/images/icons/emoticons/{name}.svg`) and the placeholder drawn for a missing attachment.
 * Served without credentials, as Confluence serves them.
 */
export function serveStaticResource(res: ServerResponse, path: string): void {
  const emoticon = /^\/images\/icons\/emoticons\/([a-z-]+)\.svg$/.exec(path);
  if (emoticon) return sendSvg(res, emoticonSvg(emoticon[1]!));
  if (path.startsWith('/plugins/servlet/confluence/placeholder/')) {
    return sendSvg(res, PLACEHOLDER_SVG);
  }
  sendText(res, 404, 'Not Found\n');
}

function sendSvg(res: ServerResponse, svg: string): void {
  res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': Buffer.byteLength(svg),
    'Cache-Control': 'public, max-age=3600',
  });
  res.end(svg);
}
