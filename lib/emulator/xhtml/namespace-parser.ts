import { SaxesParser, type SaxesTagNS } from 'saxes';

type NamespaceOptions = { xmlns: true; position: true };

/** The prefixes XML binds by itself (saxes' own root bindings). */
const BUILT_IN: ReadonlyMap<string, string> = new Map([
  ['xml', 'http://www.w3.org/XML/1998/namespace'],
  ['xmlns', 'http://www.w3.org/2000/xmlns/'],
]);

/**
 * saxes with namespaces, resolving prefixes in time independent of depth. saxes' own `resolve`
 * looks through every open element, innermost first, for each element and prefixed attribute:
 * at a thousand levels a 1 MB body took seconds, and unbounded depth froze the emulator for
 * minutes. Here only the open elements that declare a namespace are searched (in a body, the
 * `<xml>` wrapper and the rare element with its own `xmlns`), with the same answers.
 */
export class NamespaceParser extends SaxesParser<NamespaceOptions> {
  /** Open elements declaring at least one prefix, innermost last. */
  private readonly declaring: SaxesTagNS[] = [];
  /** The start tag being read: its own declarations apply to its name and attributes. */
  private reading: { ns?: Record<string, string> } | null = null;

  constructor() {
    super({ xmlns: true, position: true });
    this.on('opentagstart', (tag) => {
      this.reading = tag;
    });
    this.on('opentag', (tag) => {
      if (Object.keys(tag.ns).length > 0) this.declaring.push(tag);
    });
    this.on('closetag', (tag) => {
      if (this.declaring[this.declaring.length - 1] === tag) this.declaring.pop();
    });
  }

  override resolve(prefix: string): string | undefined {
    const own = this.reading?.ns?.[prefix];
    if (own !== undefined) return own;
    const { declaring } = this;
    for (let i = declaring.length - 1; i >= 0; i--) {
      const uri = declaring[i]!.ns[prefix];
      if (uri !== undefined) return uri;
    }
    return BUILT_IN.get(prefix);
  }
}
