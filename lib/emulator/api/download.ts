import type { RequestContext } from '../http/context';
import { sendText } from '../http/respond';

/** `/download/attachments/{pageId}/{filename}`: the bytes, with the attachment's content type. */
export function downloadAttachment(ctx: RequestContext): void {
  const match = /^\/attachments\/([^/]+)\/([^/]+)$/.exec(ctx.path);
  const page = match ? ctx.store.visiblePage(decodeURIComponent(match[1]!), ctx.user) : undefined;
  const filename = match ? decodeURIComponent(match[2]!) : '';
  const attachment = page?.attachments.find((candidate) => candidate.title === filename);
  if (!attachment) {
    sendText(
      ctx.res,
      404,
      '<html><body><h1>Not Found</h1><p>The attachment could not be found.</p></body></html>',
      'text/html;charset=UTF-8',
    );
    return;
  }
  const bytes = Buffer.from(attachment.data, 'base64');
  ctx.res.writeHead(200, {
    'Content-Type': attachment.mediaType,
    'Content-Length': bytes.length,
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.title)}`,
    'Cache-Control': 'private, max-age=0',
  });
  ctx.res.end(bytes);
}
