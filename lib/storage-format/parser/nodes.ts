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
    private readonly start: number,
    private readonly end: number,
    private readonly valueStart: number,
    private readonly valueEnd: number,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
}

/**
 * Names repeat endlessly (`p`, `ac:parameter`, `ac:name`): keeping one copy of each means the
 * copies sliced from the source die young instead of being carried into the tree.
 */
const internedNames = new Map<string, string>();

export function internName(name: string): string {
  const known = internedNames.get(name);
  if (known !== undefined) return known;
  if (internedNames.size < 4096) internedNames.set(name, name);
  return name;
}

/** Self-closing elements never get children; they share one frozen empty list. */
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
    readonly attributes: AttributeNode[],
    readonly selfClosing: boolean,
    start: number,
    openEnd: number,
  ) {
    this.children = selfClosing ? NO_CHILDREN : [];
    this.start = start;
    this.openEnd = openEnd;
    this.end = openEnd;
  }

  get prefix(): string | null {
    const colon = this.name.indexOf(':');
    return colon < 0 ? null : this.name.slice(0, colon);
  }

  get localName(): string {
    return this.name.slice(this.name.indexOf(':') + 1);
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
    readonly start: number,
    readonly end: number,
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
