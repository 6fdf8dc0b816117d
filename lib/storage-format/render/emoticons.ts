import type { ElementNode } from '../types';
import type { RenderContext } from './render-context';
import { attr, lookup } from './tree';

/**
 * `ac:emoticon`: Cloud's `ac:emoji-fallback` character, else the code points of `ac:emoji-id`,
 * else Confluence's classic emoticon names, else the shortname as text.
 */

const CLASSIC_EMOTICONS: Readonly<Record<string, string>> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😃',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '💡',
  'yellow-star': '⭐',
  'red-star': '⭐',
  'green-star': '⭐',
  'blue-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

/** Decodes `1f3f9` or `31-20e3` into characters; null when it is not hex code points. */
function fromEmojiId(id: string | undefined): string | null {
  if (id === undefined || id === '' || id.length > 64) return null;
  let out = '';
  for (const part of id.split('-')) {
    if (part.length === 0 || part.length > 6) return null;
    const code = Number.parseInt(part, 16);
    if (!/^[0-9a-f]+$/i.test(part) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return null;
    }
    out += String.fromCodePoint(code);
  }
  return out;
}

/** The character(s) shown for an emoticon element. */
export function emoticonText(element: ElementNode): string {
  const fallback = attr(element, 'ac:emoji-fallback');
  // A fallback is a short emoji; anything long is not one and would be odd inline text.
  if (fallback !== undefined && fallback.trim() !== '' && fallback.length <= 16) return fallback;
  const fromId = fromEmojiId(attr(element, 'ac:emoji-id'));
  if (fromId !== null) return fromId;
  const name = attr(element, 'ac:name');
  const classic = name === undefined ? undefined : lookup(CLASSIC_EMOTICONS, name);
  if (classic !== undefined) return classic;
  const shortname = attr(element, 'ac:emoji-shortname');
  if (shortname !== undefined && shortname !== '') return shortname;
  return name !== undefined && name !== '' ? `:${name}:` : '🙂';
}

export function renderEmoticon(ctx: RenderContext, element: ElementNode): void {
  const label = attr(element, 'ac:emoji-shortname') ?? attr(element, 'ac:name') ?? 'emoticon';
  ctx.out.element(
    'span',
    { class: 'pw-emoticon', role: 'img', 'aria-label': label },
    emoticonText(element),
  );
}
