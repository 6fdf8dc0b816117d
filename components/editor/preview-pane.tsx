'use client';

import { useMutation } from '@tanstack/react-query';
import {
  type RefObject,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';

import { type BlockSanitizer, createBlockSanitizer } from '@/lib/editor/block-sanitizer';
import {
  badgesByLine,
  type CheckAnswer,
  classifyBlocks,
  type Resolution,
  resolutionFromCheck,
  summarizeFidelity,
} from '@/lib/editor/preview-fidelity';
import { createFlagStore, EXTERNAL_IMAGES_KEY } from '@/lib/editor/preview-settings';
import { isAppError, messageFor } from '@/lib/errors';
import { fetchJson } from '@/lib/http/fetch-json';
import { useSession } from '@/lib/queries/session';
import { mentionNameResolver, useMentionNames } from '@/lib/queries/user-names';
import { sanitizedPreviewHtml } from '@/lib/security/trusted-types';
import { parseStorage } from '@/lib/storage-format/parse';
import {
  createDomPurifySanitizer,
  renderDocument,
  type RenderOptions,
  type Sanitizer,
} from '@/lib/storage-format/render';
import type { Diagnostic, ParseResult } from '@/lib/storage-format/types';

import { PreviewFrame, type PreviewFrameApi } from './preview-frame';
import styles from './preview-pane.module.css';
import type { StorageEditorApi } from './storage-editor';

/**
 * Up to this size the instant preview renders in the keystroke's own render, so the frame shows
 * the key in the same frame as the editor (issue #5: ≤ 16 ms on a 20 KB page); parse, render and
 * sanitizing the changed block cost a few ms per 20 KB.
 */
export const SYNC_PAGE = 100_000;
/** Above this size the instant preview re-renders only when the browser is idle. */
export const BIG_PAGE = 200_000;
/** Confluence's rendering is fetched again after typing pauses this long. */
export const CONFLUENCE_REFRESH_MS = 1500;
/**
 * Page and attachment references are checked with Confluence (for the fidelity badges) this long
 * after typing stops: each check costs Confluence a conversion and a few lookups.
 */
export const REFERENCE_CHECK_MS = 3000;
/** Editor and preview scroll each other; the side the user moves leads for this long. */
const SCROLL_LEAD_MS = 250;

type Mode = 'instant' | 'confluence';

export interface PreviewPaneProps {
  /** Storage-format source to preview. */
  source: string;
  /** The page being edited: attachment images and the Confluence rendering need it. */
  pageId?: string;
  /** Whether Confluence may be asked to render (false in the offline Scratchpad). */
  confluence?: boolean;
  theme: 'light' | 'dark';
  /** The editor, for click-to-line, the error banner and scroll sync. */
  editorApiRef?: RefObject<StorageEditorApi | null>;
}

const externalImages = createFlagStore(EXTERNAL_IMAGES_KEY, () =>
  typeof window === 'undefined' ? null : window.localStorage,
);

let confluenceSanitizer: Sanitizer | undefined;
/** Confluence's HTML is untrusted too: the same DOMPurify config as the instant preview. */
function sanitizeConfluenceHtml(html: string): string {
  confluenceSanitizer ??= createDomPurifySanitizer(window);
  return confluenceSanitizer(html);
}

/**
 * The instant preview's sanitizer: the same DOMPurify pass, one top-level block at a time with
 * the previous render's blocks remembered (block-sanitizer.ts), so a keystroke sanitizes only the
 * block it changed. None on the server (no DOM): renderDocument then refuses, as before.
 */
function useBlockSanitizer(): BlockSanitizer | null {
  // The Trusted Types module's sanitizer: it remembers DOMPurify's outputs, so the frame's
  // `app-preview` policy takes these blocks without sanitizing them a second time.
  const [sanitizer] = useState(() =>
    typeof window === 'undefined' ? null : createBlockSanitizer(sanitizedPreviewHtml),
  );
  return sanitizer;
}

interface Instant {
  html: string;
  /** The parse the html came from (null when rendering failed): the fidelity badges read it. */
  parsed: ParseResult | null;
  firstError: Diagnostic | null;
  lastLine: number;
  failure: string | null;
}

function renderInstant(source: string, options: RenderOptions): Instant {
  try {
    const parsed = parseStorage(source);
    return {
      // renderDocument sanitizes with DOMPurify last (DOMPURIFY_CONFIG; block by block here).
      html: renderDocument(parsed, options),
      parsed,
      firstError: parsed.diagnostics.find((d) => d.severity === 'error') ?? null,
      lastLine: parsed.positions.lineCount,
      failure: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { html: '', parsed: null, firstError: null, lastLine: 1, failure: message };
  }
}

/**
 * The source to render now: typical bodies at once, in the same render as the keystroke (so the
 * frame is patched before the next paint); larger ones in a deferred render typing can interrupt;
 * big ones when the browser is idle.
 */
function useRenderSource(source: string): string {
  const big = source.length > BIG_PAGE;
  const middling = !big && source.length > SYNC_PAGE;
  // A constant for other sizes, so their keystrokes schedule no deferred render at all.
  const deferred = useDeferredValue(middling ? source : null);
  const [idle, setIdle] = useState(source);
  useEffect(() => {
    if (!big) return;
    const supported = typeof requestIdleCallback === 'function';
    const handle = supported
      ? requestIdleCallback(() => setIdle(source), { timeout: 1500 })
      : window.setTimeout(() => setIdle(source), 300);
    return () => (supported ? cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [source, big]);
  if (big) return idle;
  return middling ? (deferred ?? source) : source;
}

interface Rendering {
  html: string;
  source: string;
  fetchedAt: Date;
}

/**
 * The preview pane: "Instant" (the app's own renderer, as you type) or "Confluence" (Confluence's
 * own rendering of the unsaved body, fetched on demand and after a pause in typing), in the
 * sandboxed frame of preview-frame.tsx. Also: the "Load external images" switch, a banner naming
 * the first error of a broken body (the preview shows what could be recovered), and scroll sync
 * with the editor both ways.
 */
export function PreviewPane({
  source,
  pageId,
  confluence = pageId !== undefined,
  theme,
  editorApiRef,
}: PreviewPaneProps) {
  const domId = useId();
  const [mode, setMode] = useState<Mode>('instant');
  const allowExternal = useSyncExternalStore(
    externalImages.subscribe,
    externalImages.get,
    () => false,
  );
  const frameApi = useRef<PreviewFrameApi | null>(null);

  // --- Instant ---
  const blockSanitizer = useBlockSanitizer();
  const renderSource = useRenderSource(source);
  const mentionNames = useMentionNames(renderSource, confluence && pageId !== undefined);
  const renderOptions = useMemo<RenderOptions>(
    () => ({
      attachmentUrl: (ref) =>
        pageId !== undefined && ref.pageTitle === undefined
          ? `/api/pages/${encodeURIComponent(pageId)}/attachments/${encodeURIComponent(ref.filename)}`
          : null,
      userName: mentionNameResolver(mentionNames),
      ...(blockSanitizer ? { sanitizer: blockSanitizer.sanitize } : {}),
    }),
    [pageId, blockSanitizer, mentionNames],
  );
  const instant = useMemo(
    () => renderInstant(renderSource, renderOptions),
    [renderSource, renderOptions],
  );

  // --- Confluence ---
  const [rendering, setRendering] = useState<Rendering | null>(null);
  const render = useMutation({
    mutationFn: (body: string) =>
      fetchJson<{ html: string }>('/api/render', { method: 'POST', body: { body, pageId } }),
  });
  const { mutate } = render;
  const latestSource = useRef(source);
  useEffect(() => {
    latestSource.current = source;
  });
  const fetchRendering = useCallback(() => {
    const body = latestSource.current;
    // Callbacks given to mutate() run for the latest call only: a slow older answer is dropped.
    mutate(body, {
      onSuccess: (result) =>
        setRendering({
          html: sanitizeConfluenceHtml(result.html),
          source: body,
          fetchedAt: new Date(),
        }),
    });
  }, [mutate]);
  const current = rendering?.source === source;
  const inFlight = render.isPending;
  // A body Confluence refused is not sent again until it changes (or the user asks: Refresh).
  const refusedAsIs = render.isError && render.variables === source;
  useEffect(() => {
    if (mode !== 'confluence' || current || inFlight || refusedAsIs) return;
    // The first rendering comes at once; later ones after a pause in typing.
    const timer = setTimeout(fetchRendering, rendering === null ? 0 : CONFLUENCE_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [mode, source, current, inFlight, refusedAsIs, rendering, fetchRendering]);

  // --- Fidelity badges: what the instant preview shows exactly, approximately, or not at all ---
  // Not while signed out (or signing out): the check needs the session.
  const signedIn = Boolean(useSession().data?.session);
  const resolution = useReferenceCheck(confluence && signedIn ? pageId : undefined, renderSource);
  const blocks = useMemo(
    () => (instant.parsed ? classifyBlocks(instant.parsed, resolution ?? undefined) : []),
    [instant.parsed, resolution],
  );
  const badges = useMemo(() => badgesByLine(blocks), [blocks]);
  const fidelity = useMemo(() => summarizeFidelity(blocks), [blocks]);

  // --- Editor ↔ preview ---
  const goTo = useCallback(
    (line: number, column = 1) => editorApiRef?.current?.goTo(line, column),
    [editorApiRef],
  );
  const lead = useRef<{ side: 'editor' | 'preview'; until: number }>({ side: 'editor', until: 0 });
  const onPreviewScroll = useCallback(
    (line: number) => {
      const now = performance.now();
      if (lead.current.side === 'editor' && now < lead.current.until) return;
      lead.current = { side: 'preview', until: now + SCROLL_LEAD_MS };
      editorApiRef?.current?.scrollToLine(line);
    },
    [editorApiRef],
  );
  useSyncEditorScroll(editorApiRef, (line) => {
    const now = performance.now();
    if (lead.current.side === 'preview' && now < lead.current.until) return;
    lead.current = { side: 'editor', until: now + SCROLL_LEAD_MS };
    frameApi.current?.scrollToLine(line);
  });

  const confluenceMode = confluence && mode === 'confluence';
  const shownHtml = confluenceMode ? (rendering?.html ?? '') : instant.html;
  const error = render.error;
  const errorMessage = error ? (isAppError(error) ? error.message : messageFor('internal')) : null;

  return (
    <div className={styles.pane}>
      <div className={styles.bar}>
        {confluence && (
          <div role="radiogroup" aria-label="Preview mode" className={styles.modes}>
            {(['instant', 'confluence'] as const).map((value) => (
              <label key={value} className={styles.mode}>
                <input
                  type="radio"
                  name={`${domId}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {value === 'instant' ? 'Instant' : 'Confluence'}
              </label>
            ))}
          </div>
        )}
        <span className={styles.label} data-testid="preview-label" aria-live="polite">
          {confluenceMode ? (
            <>
              <strong>Confluence rendering — exact</strong>
              {rendering ? (
                <>
                  {' · fetched '}
                  <time dateTime={rendering.fetchedAt.toISOString()}>
                    {rendering.fetchedAt.toLocaleTimeString()}
                  </time>
                  {current ? '' : ' (older than your text)'}
                </>
              ) : (
                ' · fetching…'
              )}
            </>
          ) : (
            <strong>Instant preview — approximate</strong>
          )}
        </span>
        {confluenceMode && (
          <button
            type="button"
            className={styles.button}
            onClick={fetchRendering}
            disabled={inFlight}
          >
            {inFlight ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={allowExternal}
            onChange={(event) => externalImages.set(event.target.checked)}
          />
          Load external images
        </label>
      </div>

      {!confluenceMode && !instant.failure && (
        <p className={styles.fidelity} data-testid="fidelity-summary">
          {fidelity.approximate > 0 && (
            <span className={styles.legend}>
              <span className={`${styles.swatch} ${styles.approximate}`} aria-hidden="true" />
              approximate: drawn by Pagewright
            </span>
          )}
          {fidelity.unresolved > 0 && (
            <span className={styles.legend}>
              <span className={`${styles.swatch} ${styles.unresolved}`} aria-hidden="true" />
              unresolved: not found
            </span>
          )}
          <span>
            {fidelity.text}
            {fidelity.approximate + fidelity.unresolved > 0 &&
              (confluence ? (
                <>
                  {' — '}
                  <button
                    type="button"
                    className={styles.linkButton}
                    onClick={() => setMode('confluence')}
                  >
                    switch to Confluence rendering
                  </button>{' '}
                  for the exact result
                </>
              ) : (
                ' — Confluence renders them exactly in the page editor'
              ))}
            {confluence && resolution === null ? ' (links and attachments not checked yet)' : ''}
          </span>
        </p>
      )}
      {confluenceMode && errorMessage && (
        <div className={styles.error} role="alert">
          Confluence could not render this body: {errorMessage}
          {rendering ? ' The last good rendering is still shown.' : ''}
        </div>
      )}
      {!confluenceMode && instant.failure && (
        <div className={styles.error} role="alert">
          The preview failed: {instant.failure}
        </div>
      )}
      {!confluenceMode && instant.firstError && (
        <div
          className={styles.warning}
          role="note"
          aria-label="Preview of a body with errors"
          data-testid="preview-recovered"
        >
          <span>This body has errors; the preview shows what could be recovered.</span>
          <button
            type="button"
            className={styles.linkButton}
            onClick={() => goTo(instant.firstError!.line, instant.firstError!.column)}
          >
            Go to line {instant.firstError.line}: {instant.firstError.message}
          </button>
        </div>
      )}

      <PreviewFrame
        html={shownHtml}
        theme={theme}
        allowExternalImages={allowExternal}
        title="Preview"
        lastLine={instant.lastLine}
        apiRef={frameApi}
        onLineClick={confluenceMode ? undefined : (line) => goTo(line)}
        onScrollLine={confluenceMode ? undefined : onPreviewScroll}
        badges={confluenceMode ? undefined : badges}
      />
    </div>
  );
}

/**
 * Asks Confluence (POST /api/pages/{id}/check) which page links, attachments and macros of the
 * body do not resolve, once typing has paused for REFERENCE_CHECK_MS. Null until the first answer;
 * a failed check keeps the last answer (the badges then say what was last known). Never asked
 * without a page (the offline Scratchpad).
 */
function useReferenceCheck(pageId: string | undefined, source: string): Resolution | null {
  const [resolution, setResolution] = useState<Resolution | null>(null);
  useEffect(() => {
    if (pageId === undefined) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchJson<CheckAnswer>(`/api/pages/${encodeURIComponent(pageId)}/check`, {
        method: 'POST',
        body: { body: source },
        signal: controller.signal,
      }).then(
        (answer) => {
          if (!controller.signal.aborted) setResolution(resolutionFromCheck(source, answer));
        },
        () => undefined,
      );
    }, REFERENCE_CHECK_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [pageId, source]);
  return resolution;
}

/**
 * Follows the editor's scrolling. The editor mounts after the pane (Monaco loads lazily) and may
 * be re-created, so the subscription is (re)made whenever the editor's API object changes.
 */
function useSyncEditorScroll(
  editorApiRef: RefObject<StorageEditorApi | null> | undefined,
  onLine: (line: number) => void,
): void {
  const callback = useRef(onLine);
  useEffect(() => {
    callback.current = onLine;
  });
  useEffect(() => {
    if (!editorApiRef) return;
    let subscribed: StorageEditorApi | null = null;
    let unsubscribe: (() => void) | null = null;
    const check = () => {
      const api = editorApiRef.current;
      if (api === subscribed) return;
      unsubscribe?.();
      subscribed = api;
      unsubscribe = api ? api.onScrollLine((line) => callback.current(line)) : null;
    };
    check();
    const timer = window.setInterval(check, 500);
    return () => {
      window.clearInterval(timer);
      unsubscribe?.();
    };
  }, [editorApiRef]);
}
