import { HTML_VOID_ELEMENTS } from '../element-kinds';
import type { ElementNode } from '../types';

/*
 * What to tell the author when close tags do not match: an element left open, or a close tag
 * with nothing to close. The wording, not the recovery (that is the parser's).
 */

export interface UnclosedAdvice {
  code: string;
  plain: string;
  /**
   * Void HTML elements (`<br>`) and empty Confluence elements (`<ri:page>`) never hold content:
   * what follows them belongs to their parent, so the parser moves their children up.
   */
  empty: boolean;
}

/** An element left open when `</closer>` (or the end of the body, closer `xml`) ends its parent. */
export function unclosedAdvice(element: ElementNode, closer: string): UnclosedAdvice {
  const { name } = element;
  if (element.prefix === null && HTML_VOID_ELEMENTS.has(name)) {
    return {
      code: 'void_element_not_closed',
      plain: `\`<${name}>\` must be self-closed as \`<${name}/>\`.`,
      empty: true,
    };
  }
  if (element.prefix === 'ri' || name === 'ac:emoticon') {
    return {
      code: 'element_not_self_closed',
      plain: `\`<${name}>\` has no closing tag: write it self-closed as \`<${name} …/>\`.`,
      empty: true,
    };
  }
  return {
    code: 'unclosed_element',
    plain:
      closer === 'xml'
        ? `\`<${name}>\` is never closed: add \`</${name}>\` where it ends.`
        : `\`<${name}>\` is not closed before \`</${closer}>\`: add \`</${name}>\`.`,
    empty: false,
  };
}

/** `</name>` with no open `<name>`; `expected` is the open element (`xml`: none). */
export function strayCloseAdvice(name: string, expected: string): string {
  return name === 'br'
    ? '`</br>` is not a line break: write `<br/>`.'
    : `\`</${name}>\` closes nothing: no \`<${name}>\` is open here${expected === 'xml' ? '' : ` (the open element is \`<${expected}>\`)`}. Remove it or add the missing \`<${name}>\`.`;
}
