/**
 * File names and the storage-format snippet that references an attachment. Pure, used in the
 * browser (refuse before uploading, insert at the cursor) and on the server (refuse again, name
 * the file in the multipart body). See docs/security.md for why names with paths, control
 * characters or markup never reach Confluence.
 */

export const MAX_ATTACHMENT_NAME_LENGTH = 255;

/** Extensions a browser would run as a page or a program: Pagewright does not upload them. */
const REFUSED_EXTENSIONS = new Set([
  'htm',
  'html',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'js',
  'mjs',
  'exe',
  'msi',
  'bat',
  'cmd',
  'com',
  'scr',
  'ps1',
]);

/** Why `name` cannot be an attachment's name; null when it can. */
export function attachmentNameProblem(name: string): string | null {
  if (name.trim() === '') return 'A file needs a name.';
  if ([...name].length > MAX_ATTACHMENT_NAME_LENGTH)
    return `File names can have at most ${MAX_ATTACHMENT_NAME_LENGTH} characters.`;
  if (/[/\\]/.test(name) || name === '.' || name === '..')
    return `"${name}" is not a plain file name: it contains a folder path (/ or \\).`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name))
    return 'File names cannot contain control characters (line breaks, tabs and the like).';
  if (/[<>]/.test(name)) return 'File names cannot contain < or > (they read as markup).';
  if (name !== name.trim()) return 'File names cannot start or end with a space.';
  return null;
}

/** Why Pagewright does not upload a file of this name; null when it does. */
export function attachmentTypeProblem(name: string): string | null {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension && REFUSED_EXTENSIONS.has(extension))
    return `Pagewright does not upload .${extension} files: a browser could run them as a page or program.`;
  return null;
}

/** Escapes text for a double-quoted XML attribute value. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function isImageType(contentType: string): boolean {
  return /^image\/(png|jpe?g|gif|webp|bmp|avif)$/i.test(contentType.split(';')[0]!.trim());
}

/** The storage format that shows an image attachment, or links to any other file. */
export function attachmentReference(name: string, contentType: string): string {
  const reference = `<ri:attachment ri:filename="${escapeAttribute(name)}" />`;
  return isImageType(contentType)
    ? `<ac:image>${reference}</ac:image>`
    : `<ac:link>${reference}</ac:link>`;
}

/**
 * The name as a multipart `filename="…"` parameter, the way browsers write it (RFC 7578 §4.2
 * leaves the encoding to the sender; Confluence reads UTF-8): quotes and line breaks
 * percent-encoded. Line breaks are refused earlier; this keeps the header intact regardless.
 */
export function formDataFilename(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
