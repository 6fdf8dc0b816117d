/** Tags common enough in clipboard HTML to tell markup from prose such as `a < b` or `List<T>`. */
const TAG =
  /<\/?(?:html|head|body|meta|style|p|div|span|a|b|i|u|s|em|strong|br|hr|img|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|pre|code|blockquote|font|sub|sup|section|article)(?=[\s/>])[^<>]*>/i;

/**
 * Cheap guess whether pasted text is HTML markup (so the editor can offer "Paste as storage
 * format"); false for text that is already storage format. Looks only at the start of long
 * texts to stay cheap on huge pastes.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 20_000);
  // Storage format is XHTML too, but converting it would unwrap its macros: paste it as is.
  if (/<\/?(?:ac|ri):[a-z]/i.test(head)) return false;
  return /^\s*<!doctype\s+html/i.test(head) || TAG.test(head);
}
