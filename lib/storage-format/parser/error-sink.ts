/** Where the scanner's pieces report problems; the parser owns the list and the ordering. */
export interface ErrorSink {
  /**
   * @param start,end offsets of what the user has to fix (the editor's squiggle)
   * @param confluenceMessage what Woodstox (Confluence) says for it, word for word
   * @param confluenceOffset offset of the last character Woodstox consumed when it noticed; may
   *   lie past the end of the body (inside Confluence's closing wrapper tag)
   */
  error(
    code: string,
    plain: string,
    start: number,
    end: number,
    confluenceMessage: string,
    confluenceOffset: number,
  ): void;
}
