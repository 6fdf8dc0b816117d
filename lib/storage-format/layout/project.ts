import { formatStorageWithMap } from '../format';
import { gapsOf, type Gap, type OffsetMap } from './offset-map';
import { applyEdits, diffTexts, type TextEdit } from './text-diff';

/**
 * Carries edits made in the laid-out text back to the body's own layout. The body keeps every
 * byte outside the edited ranges: copied characters the edit did not touch, and the whitespace
 * the body had between blocks (which the laid-out text does not show). Layout inserted by the
 * formatter never reaches the body:
 * - a deleted range deletes the copied characters in it, and the body's whitespace of every gap
 *   whose inserted layout it deletes entirely (deleting a block with the line break before it);
 * - text inserted within copied characters goes in as typed (there whitespace is content);
 * - text inserted in the layout between blocks (a new line typed between two blocks, text typed
 *   at the start or end of a block's line) goes in between the same blocks, without the line
 *   breaks and indentation it was typed with: see {@link compactBlockText}.
 */
export function projectEdits(original: string, map: OffsetMap, edits: readonly TextEdit[]): string {
  if (isIdentity(map)) return applyEdits(original, edits);
  const gaps = gapsOf(map);
  const out: string[] = [];
  // Edits before `first` end before the piece looked at: pieces and edits both ascend.
  let first = 0;
  // Pieces in laid-out order: gap 0, run 0, gap 1, run 1, …, the last gap.
  for (let k = 0; k < gaps.length; k++) {
    const gap = gaps[k]!;
    while (first < edits.length && edits[first]!.end < gap.laidStart) first++;
    const gapText = original.slice(gap.originalStart, gap.originalEnd);
    const separator = gapText.includes('\n') ? '\n' : '';
    const before: string[] = [];
    const after: string[] = [];
    let keepGap = true;
    for (let i = first; i < edits.length && edits[i]!.start <= gap.laidEnd; i++) {
      const edit = edits[i]!;
      if (coversGap(edit, gap)) keepGap = false;
      // Starting in the layout, its ends included (the end of one block's line, the start of
      // the next one's text): typed between blocks.
      if (edit.start < gap.laidStart) continue;
      const typed = compactBlockText(edit.text, separator);
      // Spaces typed between blocks are layout too.
      if (typed.text.trim() === '') continue;
      if (edit.start === gap.laidStart && gap.laidEnd > gap.laidStart) {
        // At the end of the line before: the body's own whitespace follows it.
        before.push(typed.leadingBreak ? separator : '', typed.text);
      } else after.push(typed.text, typed.trailingBreak ? separator : '');
    }
    out.push(...before, keepGap ? gapText : '', ...after);
    const run = map.runs[k];
    if (run === undefined) break;
    const runEnd = run.laidStart + run.length;
    let at = run.laidStart;
    const copyUpTo = (laid: number) => {
      if (laid > at) out.push(original.slice(toOriginal(run, at), toOriginal(run, laid)));
    };
    for (let i = first; i < edits.length && edits[i]!.start < runEnd; i++) {
      const edit = edits[i]!;
      if (edit.end <= run.laidStart && edit.start < run.laidStart) continue;
      if (edit.start > run.laidStart) {
        copyUpTo(edit.start);
        out.push(edit.text);
      }
      at = Math.max(at, Math.min(runEnd, edit.end), Math.min(runEnd, edit.start));
    }
    copyUpTo(runEnd);
  }
  return out.join('');
}

function isIdentity(map: OffsetMap): boolean {
  return map.runs.length <= 1 && map.laidLength === map.originalLength;
}

function toOriginal(run: { laidStart: number; originalStart: number }, laid: number): number {
  return run.originalStart + laid - run.laidStart;
}

/** Does the edit delete this gap's layout entirely (or, for a gap with none, both sides of it)? */
function coversGap(edit: TextEdit, gap: Gap): boolean {
  if (gap.laidEnd > gap.laidStart) return edit.start <= gap.laidStart && edit.end >= gap.laidEnd;
  return edit.start < gap.laidStart && edit.end > gap.laidEnd;
}

/**
 * Text typed between blocks, in the body's layout: the line breaks and indentation around it
 * are dropped, and the whitespace between the blocks in it (the formatter's own judgement of
 * what whitespace means nothing) becomes the body's separator: a line break when the body puts
 * blocks on lines there, none when it is one line. Text that does not parse keeps its inside as
 * typed. `leadingBreak`/`trailingBreak`: the text was typed on a line of its own on that side.
 */
export function compactBlockText(
  text: string,
  separator: string,
): { text: string; leadingBreak: boolean; trailingBreak: boolean } {
  const { trimmed, leadingBreak, trailingBreak } = trimLayout(text);
  const result = { text: trimmed, leadingBreak, trailingBreak };
  if (trimmed === '' || !/\s/.test(trimmed)) return result;
  const { ok, map } = formatStorageWithMap(trimmed);
  if (!ok) return result;
  const parts: string[] = [];
  map.runs.forEach((run, k) => {
    const previous = map.runs[k - 1];
    if (previous && run.originalStart > previous.originalStart + previous.length) {
      parts.push(separator);
    }
    parts.push(trimmed.slice(run.originalStart, run.originalStart + run.length));
  });
  return { ...result, text: parts.join('') };
}

/** Drops whitespace at either end that holds a line break: layout, not content. */
function trimLayout(text: string): {
  trimmed: string;
  leadingBreak: boolean;
  trailingBreak: boolean;
} {
  const leading = /^\s*/.exec(text)![0];
  const leadingBreak = leading.includes('\n');
  const rest = leadingBreak ? text.slice(leading.length) : text;
  const trailing = /\s*$/.exec(rest)![0];
  const trailingBreak = trailing.includes('\n');
  return {
    trimmed: trailingBreak ? rest.slice(0, rest.length - trailing.length) : rest,
    leadingBreak,
    trailingBreak,
  };
}

/**
 * The body to save for the laid-out text as edited: the edits between the text the body opened as
 * (`map`'s laid-out side, `laidOut`) and `edited`, carried back to the body's own layout.
 *
 * The same holds for the whole-text replacements the editor makes (Format, a quick fix, a paste
 * conversion, a merge after a 409 on the new version's laid-out text, a restored version): pass
 * the text after the replacement. The edits are diffed from the text the body opened as, not
 * from the text before the replacement, so the replacement composes with the edits made before
 * it, and a block the replacement left as it was keeps its stored bytes.
 *
 * A diff sees text, not intent: a line break typed inside CDATA or inside a paragraph, next to
 * the layout, can be taken for layout and dropped. Typed edits should therefore be carried back
 * exactly, from the editor's change events, with {@link projectEdits}.
 */
export function projectToOriginal(
  original: string,
  map: OffsetMap,
  laidOut: string,
  edited: string,
): string {
  if (edited === laidOut) return original;
  return projectEdits(original, map, diffTexts(laidOut, edited));
}
