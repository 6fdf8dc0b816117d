/** What the Chromium bench measures on each page, and the whole run's results. */

export interface BrowserPage {
  label: string;
  pageId: string;
  bytes: number;
  /** Builds the body (at least `bytes` long); synthetic tables and macros unless given. */
  makeBody?: (bytes: number) => string;
}

export interface KeystrokeRow {
  page: string;
  kB: number;
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Keystrokes whose preview did not update within the per-key timeout. */
  missed: number;
  /** Chromium's DOMParser (text/html) on the same body, median: the browser's own floor. */
  domParserMs: number;
}

export interface OpenRow {
  page: string;
  kB: number;
  runs: number;
  /** Navigation start → Monaco accepts focus and the preview frame is on screen (median). */
  interactiveMs: number;
  maxMs: number;
}

/** JavaScript a cold browser fetches to open the editor (lazy chunks and workers included). */
export interface EditorJs {
  scripts: number;
  /** Bytes on the wire (compressed as the production server serves them). */
  transferKB: number;
  decodedKB: number;
  /** The biggest scripts (path, decoded kB): where the cost is. */
  largest: Array<{ path: string; transferKB: number; decodedKB: number }>;
}

export interface BrowserResults {
  keystroke: KeystrokeRow[];
  open: OpenRow[];
  editorJs: EditorJs;
}
