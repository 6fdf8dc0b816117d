import { IncrementalDocument } from '@/lib/storage-format/incremental/incremental-document';

const WRITER_ONLY = { sanitizer: 'none' } as const;

/**
 * A keystroke as the instant preview meets it (components/preview/use-instant-preview.ts): one
 * character typed into a paragraph in the middle of the page, or taken out again (in turn, so the
 * page does not grow), through the incremental document — parse and render of what the edit
 * touched, the writer's HTML for the whole page. The first call parses and renders the whole page.
 */
export function incrementalKeystroke(body: string): () => void {
  const document = new IncrementalDocument();
  document.update(body, WRITER_ONLY);
  const paragraph = body.indexOf('<p>', body.length >> 1);
  const at = paragraph < 0 ? body.length >> 1 : paragraph + 3;
  const typed = body.slice(0, at) + 'x' + body.slice(at);
  let withKey = false;
  return () => {
    withKey = !withKey;
    document.update(withKey ? typed : body, WRITER_ONLY);
  };
}
