import { DROPPED_WITH_CONTENT } from './converter';
import { element, text, type OutNode } from './out-nodes';
import { textContent, type HtmlElement, type HtmlNode } from './parse-html';

function languageFromClass(classes: string | undefined): string | null {
  for (const name of (classes ?? '').split(/\s+/)) {
    const match = /^(?:language|lang|highlight-source|brush)-(.+)$/i.exec(name);
    if (match) return match[1]!;
  }
  return null;
}

/** Confluence's own view HTML: `data-syntaxhighlighter-params="brush: java; gutter: false"`. */
function languageFromBrush(params: string | undefined): string | null {
  return /(?:^|;)\s*brush\s*:\s*([^;\s]+)/i.exec(params ?? '')?.[1] ?? null;
}

/** A language value safe and meaningful as a macro parameter (`c++`, `c#`, `objective-c`). */
function cleanLanguage(raw: string | null | undefined): string | null {
  const value = raw?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9_+#.-]{0,39}$/.test(value) ? value : null;
}

/** The only non-blank child, when it is `<code>`: the markdown/GitHub code-block shape. */
function soleCodeChild(pre: HtmlElement): HtmlElement | null {
  const meaningful = pre.children.filter(
    (child: HtmlNode) => child.type === 'element' || /[^ \t\n\f\r]/.test(child.text),
  );
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === 'element' && only.name === 'code' ? only : null;
}

function codeMacro(language: string | null, body: string): OutNode {
  const parameters = language
    ? [element('ac:parameter', [['ac:name', 'language']], [text(language)])]
    : [];
  return element(
    'ac:structured-macro',
    [
      ['ac:name', 'code'],
      ['ac:schema-version', '1'],
    ],
    [...parameters, element('ac:plain-text-body', [], [{ kind: 'cdata', text: body }])],
  );
}

/**
 * `<pre>` keeps its text exactly. A code block (`<pre><code>` or a `<pre>` tagged with a
 * language) becomes Confluence's `code` macro with the text in CDATA; formatting spans of
 * syntax highlighters are dropped, their text kept.
 */
export function convertPre(pre: HtmlElement): OutNode[] {
  const code = soleCodeChild(pre);
  const language = cleanLanguage(
    languageFromClass(code?.attributes.get('class')) ??
      languageFromClass(pre.attributes.get('class')) ??
      pre.attributes.get('lang') ??
      languageFromBrush(pre.attributes.get('data-syntaxhighlighter-params')),
  );
  // Like a browser, ignore one newline right after the <pre> start tag.
  const body = textContent(pre.children, DROPPED_WITH_CONTENT).replace(/^\n/, '');
  if (!/[^ \t\n\f\r]/.test(body)) return [];
  if (code || language) return [codeMacro(language, body.replace(/\n$/, ''))];
  return [element('pre', [], [text(body)])];
}
