import { Parser } from 'htmlparser2';

/** A pasted-HTML element with lower-cased name and decoded attribute values. */
export interface HtmlElement {
  type: 'element';
  name: string;
  /** A Map, not an object: hostile attribute names such as `__proto__` must stay plain data. */
  attributes: Map<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  type: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

interface OpenElement {
  name: string;
  node: HtmlElement;
}

/**
 * Deeper elements are flattened into their ancestor at this depth (their text kept): real
 * documents nest a few dozen levels, and hostile ones must not exhaust the converter's stack.
 */
const MAX_DEPTH = 120;
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);
/**
 * htmlparser2 keeps its open elements in an array it grows with `unshift`, so each tag costs time
 * in proportion to the depth: 40,000 unclosed elements take seconds, 100,000 half a minute. Past this
 * many the parse stops, and the rest of the input is kept as literal text (nothing is lost, and a
 * paste can never freeze the editor). No real document comes near it.
 */
const MAX_OPEN_ELEMENTS = 20_000;

/** Thrown from the parser's callback to stop it at MAX_OPEN_ELEMENTS. */
class TooManyOpenElements extends Error {}

/**
 * Parses arbitrary HTML leniently (htmlparser2's HTML mode: implied end tags, void elements,
 * raw-text `script`/`style`, entity decoding). Comments, processing instructions and doctypes
 * are never materialised, so Word's conditional comments vanish here.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', name: '#root', attributes: new Map(), children: [] };
  // One entry per element open in the parser; entries past MAX_DEPTH share their parent's node.
  const stack: OpenElement[] = [{ name: '#root', node: root }];
  const current = (): HtmlElement => stack[stack.length - 1]?.node ?? root;
  const addText = (text: string): void => {
    const siblings = current().children;
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') last.text += text;
    else siblings.push({ type: 'text', text });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > MAX_OPEN_ELEMENTS) throw new TooManyOpenElements();
        const attributes = new Map<string, string>();
        for (const [key, value] of Object.entries(attribs)) attributes.set(key, value);
        const element: HtmlElement = { type: 'element', name, attributes, children: [] };
        if (stack.length <= MAX_DEPTH || VOID_ELEMENTS.has(name)) current().children.push(element);
        stack.push({ name, node: stack.length <= MAX_DEPTH ? element : current() });
      },
      onclosetag(name) {
        // htmlparser2 reports closes for its own open-element stack, innermost first; the
        // search only guards against a mismatch so the tree can never lose its root.
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i]?.name === name) {
            stack.length = i;
            return;
          }
        }
      },
      ontext: addText,
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      // Honour `<x/>`: real clipboard HTML never self-closes a non-void element, but pasted
      // XHTML (storage format itself) does, and reading it as an open tag would swallow the rest.
      recognizeSelfClosing: true,
      recognizeCDATA: false,
    },
  );
  // HTML's input stream preprocessing: every CR LF and lone CR becomes LF.
  const input = html.replace(/\r\n?/g, '\n');
  try {
    parser.end(input);
  } catch (error) {
    if (!(error instanceof TooManyOpenElements)) throw error;
    addText(input.slice(parser.startIndex));
  }
  return root.children;
}

/** The element's text as a browser would show it in `<pre>`: `<br>` is a newline. */
export function textContent(nodes: readonly HtmlNode[], skip: ReadonlySet<string>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.name === 'br') out += '\n';
    else if (!skip.has(node.name)) {
      out += textContent(node.children, skip);
      // Some highlighters render one <div> per line inside <pre>.
      if (LINE_ELEMENTS.has(node.name) && !out.endsWith('\n')) out += '\n';
    }
  }
  return out;
}

const LINE_ELEMENTS = new Set(['div', 'p', 'li', 'tr']);
