import type {
  AttributeNode,
  CDataNode,
  CommentNode,
  ElementNode,
  ProcessingInstructionNode,
  Span,
  StorageNode,
  TextNode,
} from '../types';

/*
 * Tree nodes keep their offsets as plain numbers and hand out `Span` objects only when asked.
 * A 1 MB body has ~200,000 nodes: allocating three span objects per element up front doubled the
 * garbage collector's share of a parse, and most spans are never read.
 */

export class ParsedAttribute implements AttributeNode {
  constructor(
    readonly name: string,
    readonly value: string,
    private start: number,
    private end: number,
    private valueStart: number,
    private valueEnd: number,
  ) {}

  shift(delta: number): void {
    this.start += delta;
    this.end += delta;
    this.valueStart += delta;
    this.valueEnd += delta;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
}

/**
 * Names repeat endlessly (`p`, `ac:parameter`, `ac:name`): a small direct-mapped cache, checked
 * against the source in place, hands back one shared copy of each without slicing a new string
 * first (and without hashing one for a Map lookup). A collision just costs a slice: the string
 * returned always equals `source.slice(start, end)`.
 */
const NAME_CACHE_SIZE = 1024;
const MAX_CACHED_NAME = 64;
const nameCache: (string | undefined)[] = new Array<string | undefined>(NAME_CACHE_SIZE).fill(
  undefined,
);

export function nameAt(source: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0 || length > MAX_CACHED_NAME) return source.slice(start, end);
  const slot =
    (length * 31 +
      source.charCodeAt(start) * 7 +
      source.charCodeAt(start + (length >> 1)) * 13 +
      source.charCodeAt(end - 1)) &
    (NAME_CACHE_SIZE - 1);
  const known = nameCache[slot];
  if (known !== undefined && known.length === length && source.startsWith(known, start)) {
    return known;
  }
  const name = internalize(source.slice(start, end));
  nameCache[slot] = name;
  return name;
}

/**
 * V8's shared copy of `name`, the one it keeps for property keys. Cached names are compared
 * with literals all the way down (`element.name === 'p'`, switches on tag and attribute names
 * in the checks and the renderer): two such strings compare by identity, while a fresh slice is
 * compared character by character. Done once per cache miss, so its cost does not matter.
 */
function internalize(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}

/**
 * Self-closing elements never get children; they share one frozen empty list. Other elements
 * hold it too until the parser closes them and hands them their (exactly sized) list.
 */
const NO_CHILDREN: StorageNode[] = Object.freeze([]) as unknown as StorageNode[];

export class ParsedElement implements ElementNode {
  readonly type = 'element' as const;
  children: StorageNode[];
  /** Offsets: `<` of the start tag, just after its `>`, `<` of the close tag (-1: none), the end. */
  start: number;
  openEnd: number;
  closeStart = -1;
  end: number;

  constructor(
    readonly name: string,
    /** Stored, not derived: the renderer dispatches on it for every element. */
    readonly prefix: string | null,
    readonly attributes: AttributeNode[],
    readonly selfClosing: boolean,
    start: number,
    openEnd: number,
  ) {
    this.children = NO_CHILDREN;
    this.start = start;
    this.openEnd = openEnd;
    this.end = openEnd;
  }

  get localName(): string {
    return this.prefix === null ? this.name : this.name.slice(this.prefix.length + 1);
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get openTag(): Span {
    return { start: this.start, end: this.openEnd };
  }

  get closeTag(): Span | null {
    return this.closeStart < 0 ? null : { start: this.closeStart, end: this.end };
  }
}

abstract class ParsedLeaf {
  constructor(
    public start: number,
    public end: number,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

export class ParsedText extends ParsedLeaf implements TextNode {
  readonly type = 'text' as const;
  constructor(
    readonly value: string,
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

export class ParsedCData extends ParsedLeaf implements CDataNode {
  readonly type = 'cdata' as const;
  constructor(
    readonly value: string,
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

export class ParsedComment extends ParsedLeaf implements CommentNode {
  readonly type = 'comment' as const;
  constructor(
    readonly value: string,
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

export class ParsedProcessingInstruction extends ParsedLeaf implements ProcessingInstructionNode {
  readonly type = 'processing-instruction' as const;
  constructor(
    readonly target: string,
    readonly data: string,
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

/**
 * Moves `nodes` and everything below them by `delta` offsets, in place: the incremental parse
 * reuses the tree of blocks after an edit, which now start `delta` units later.
 */
export function shiftNodes(nodes: readonly StorageNode[], delta: number): void {
  const stack: StorageNode[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof ParsedElement) {
      node.start += delta;
      node.openEnd += delta;
      if (node.closeStart >= 0) node.closeStart += delta;
      node.end += delta;
      const attributes = node.attributes;
      for (let i = 0; i < attributes.length; i++) (attributes[i] as ParsedAttribute).shift(delta);
      const children = node.children;
      for (let i = 0; i < children.length; i++) stack.push(children[i]!);
    } else if (node instanceof ParsedLeaf) {
      node.start += delta;
      node.end += delta;
    }
  }
}
