import type { ErrorSink } from './error-sink';

/** One well-formedness error as found: offsets now, line and column only when reported. */
export interface PendingError {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** The first complaint Woodstox (Confluence) would make, at the offset where it makes it. */
export interface ConfluenceComplaint {
  message: string;
  offset: number;
}

/**
 * Collects the parser's errors. Woodstox stops at its first complaint, and the scanner reads in
 * Woodstox's order, so the first complaint recorded is Confluence's answer.
 */
export class ErrorCollector implements ErrorSink {
  readonly pending: PendingError[] = [];
  confluence: ConfluenceComplaint | null = null;
  /**
   * Just past the furthest character a complaint was about. Recovery may read past the end of
   * the markup it keeps (a start tag given up at a later `<`), never past what it complains of:
   * the incremental parse re-parses markup whose reach an edit touches.
   */
  reach = 0;

  error(
    code: string,
    plain: string,
    start: number,
    end: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void {
    this.pending.push({ code, message: `${plain} — Confluence: ${confluenceMessage}`, start, end });
    if (end > this.reach) this.reach = end;
    this.noteConfluence(confluenceMessage, confluenceOffset);
  }

  /** Records what Confluence would say without a diagnostic of ours (already reported once). */
  noteConfluence(message: string, offset: number): void {
    if (offset + 1 > this.reach) this.reach = offset + 1;
    this.confluence ??= { message, offset };
  }

  get count(): number {
    return this.pending.length;
  }
}
