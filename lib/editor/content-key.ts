/**
 * A short key that changes whenever `text` changes (FNV-1a over UTF-16 units, plus the length):
 * used as a React key, so each preview document gets a fresh iframe element.
 */
export function contentKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}-${text.length.toString(36)}`;
}
