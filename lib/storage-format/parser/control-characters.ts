import { isForbiddenControl } from './char-classes';
import type { ErrorSink } from './error-sink';
import { woodstox } from './messages';

export function controlCharacterAdvice(code: number): string {
  return `Control character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML: remove it.`;
}

/** Reports a C0 control character XML forbids, at `offset`. */
export function reportIllegalCharacter(sink: ErrorSink, offset: number, code: number): void {
  sink.error(
    'illegal_character',
    controlCharacterAdvice(code),
    offset,
    offset + 1,
    woodstox.illegalChar(code),
    offset,
  );
}

/**
 * Reports C0 controls in `source[start, end)` (comments, CDATA, processing instructions); tells
 * whether a `\r` needs line-end normalising.
 */
export function reportControlCharacters(
  source: string,
  start: number,
  end: number,
  sink: ErrorSink,
): boolean {
  let hasCarriageReturn = false;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code < 32) {
      if (code === 13) hasCarriageReturn = true;
      else if (isForbiddenControl(code)) reportIllegalCharacter(sink, i, code);
    }
  }
  return hasCarriageReturn;
}

/** XML line-end normalisation: `\r\n` and a lone `\r` both become `\n`. */
export function normaliseLineEnds(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}
