'use client';

import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';

import { CONFLUENCE_VIEW_CSS } from '@/lib/preview/preview-confluence-css';
import { FRAME_EXTRA_CSS, previewCsp, themedPreviewCss } from '@/lib/preview/preview-document';
import { type BlockPatcher, createBlockPatcher } from '@/lib/preview/preview-dom';
import type { FidelityBadge } from '@/lib/preview/preview-fidelity-badges';
import { createMarkLayer, type MarkLayer, MARKS_CSS } from '@/lib/preview/preview-marks';
import {
  offsetAnchorsOf,
  type OffsetAnchor,
  sourceOffsetForTop,
  topForSourceOffset,
} from '@/lib/preview/preview-scroll';
import { trustedPreviewShell } from '@/lib/security/trusted-types';
import type { PlacedBlock } from '@/lib/storage-format/incremental/incremental-blocks';
import { PREVIEW_CSS } from '@/lib/storage-format/render';

import styles from '@/components/editor/editor.module.css';

/**
 * Stylesheet of every preview frame: PREVIEW_CSS plus palettes keyed on the app's theme, the
 * fidelity marks (elements the app adds beside the body, never page content) and the styles for
 * Confluence's own view HTML (the exact preview).
 */
const FRAME_CSS = themedPreviewCss(PREVIEW_CSS) + FRAME_EXTRA_CSS + MARKS_CSS + CONFLUENCE_VIEW_CSS;

const NO_BADGES: ReadonlyMap<number, FidelityBadge> = new Map();

/**
 * Programmatic scrolls of the frame fire `scroll` events too; those within this window after a
 * sync are ours, not the user's, and must not be echoed back to the editor.
 */
const ECHO_MS = 120;

export interface PreviewFrameApi {
  /** Scrolls the frame so the block holding source `offset` is at the top (scroll sync). */
  scrollToOffset(offset: number): void;
  /**
   * Scrolls the block starting at source `offset` into view and focuses its mark (the summary
   * line's jumps); false when no such block is shown.
   */
  revealBlock(offset: number): boolean;
}

export interface PreviewFrameProps {
  /** Sanitized HTML (DOMPurify's output) to show, block by block, with each block's place. */
  blocks: readonly PlacedBlock[];
  theme: 'light' | 'dark';
  /** Lets https images from other origins load (the CSP and the image guard follow). */
  allowExternalImages: boolean;
  title?: string;
  /** A click on (or Enter on the mark of) the block that starts at source `offset`. */
  onOffsetClick?: (offset: number) => void;
  /** The user scrolled the frame; `offset` is the source offset now shown at the top. */
  onScrollOffset?: (offset: number) => void;
  /** Length of the rendered source (bounds the sync past the last block). */
  sourceLength?: number;
  apiRef?: RefObject<PreviewFrameApi | null>;
  /** Fidelity marks of the instant preview's blocks, by `data-source-offset`. */
  badges?: ReadonlyMap<number, FidelityBadge>;
}

interface FrameState {
  doc: Document;
  patcher: BlockPatcher;
  marks: MarkLayer;
  anchors: OffsetAnchor[] | null;
  echoUntil: number;
  /** A marks update is waiting for the next paint to pass. */
  marksDue: boolean;
}

/** The start offset of the top-level block holding `target` (the patcher knows it). */
function blockOffsetOf(state: FrameState, target: EventTarget | null): number | null {
  const body = state.doc.body;
  let node = target as Node | null;
  while (node && node.parentNode !== body) node = node.parentNode;
  return node ? state.patcher.offsetOf(node) : null;
}

/** The top-level block that starts at source `offset`. */
function blockAt(state: FrameState, offset: number): Element | null {
  return state.patcher.offsetBlocks().find((block) => block.offset === offset)?.element ?? null;
}

/**
 * Updates the marks right after the next paint: placing a thousand of them (and the layout that
 * reading the blocks' boxes forces) must not hold back the text, and after the paint that layout
 * is done already. Keys typed faster than frames share one update.
 */
function placeMarksAfterPaint(
  state: FrameState,
  latest: RefObject<{ badges: ReadonlyMap<number, FidelityBadge> }>,
): void {
  if (state.marksDue) return;
  state.marksDue = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      state.marksDue = false;
      state.marks.update(latest.current.badges);
    }, 0),
  );
}

/** Scroll anchors of the top-level blocks, measured once per layout (cached until it changes). */
function anchorsOf(state: FrameState): OffsetAnchor[] {
  state.anchors ??= offsetAnchorsOf(state.patcher.offsetBlocks());
  return state.anchors;
}

/**
 * The preview: an iframe whose document the app writes (a shell with its own CSP, then the
 * sanitized blocks patched into its body, preview-dom.ts), so typing re-renders only the blocks
 * that changed and the scroll position survives every update.
 *
 * Sandbox: `allow-same-origin` WITHOUT `allow-scripts` (a deliberate change from XSS-5's empty
 * sandbox). No script can run in the frame: the sandbox blocks scripting, the frame's own CSP has
 * no script-src, and the app's inherited CSP allows only nonce'd scripts. What allow-same-origin
 * adds is that the *parent* may touch the frame's DOM, which the block patching, the scroll
 * position, scroll sync and click-to-line all need; and that same-origin attachment images are
 * fetched with the session cookie. The known escape (allow-scripts + allow-same-origin lets the
 * frame remove its sandbox) needs script in the frame, which never runs. Forms, popups, top
 * navigation and plugins stay blocked; link clicks are intercepted so the frame never navigates.
 * What is given up is the opaque origin as a last layer behind the sandbox itself; the other
 * layers (writer, DOMPurify, sandbox, two CSPs) remain.
 */
export function PreviewFrame({
  blocks,
  theme,
  allowExternalImages,
  title = 'Preview',
  onOffsetClick,
  onScrollOffset,
  sourceLength = 0,
  apiRef,
  badges = NO_BADGES,
}: PreviewFrameProps) {
  const appOrigin = typeof window === 'undefined' ? '' : window.location.origin;
  const csp = appOrigin === '' ? '' : previewCsp({ appOrigin, allowExternalImages });
  // TrustedHTML from the `app-preview-shell` policy (XSS-9): srcdoc is a Trusted Types sink.
  const shell = useMemo(() => trustedPreviewShell(csp, FRAME_CSS), [csp]);
  const frame = useRef<FrameState | null>(null);
  const savedScroll = useRef(0);
  const latest = useRef({ blocks, theme, onOffsetClick, onScrollOffset, sourceLength, badges });
  useLayoutEffect(() => {
    latest.current = { blocks, theme, onOffsetClick, onScrollOffset, sourceLength, badges };
  });

  const onLoad = useCallback(
    (iframe: HTMLIFrameElement) => {
      const doc = iframe.contentDocument;
      const win = iframe.contentWindow;
      if (!doc || !win || !doc.body) return;
      const patcher = createBlockPatcher(
        doc,
        { appOrigin, allowExternalImages },
        {
          // A big page's preview fills in after its first screens: new blocks, new anchors.
          onFilled: () => {
            state.anchors = null;
            placeMarksAfterPaint(state, latest);
          },
        },
      );
      const state: FrameState = {
        doc,
        patcher,
        // The patcher knows each block's offset: no attribute reads per keystroke.
        marks: createMarkLayer(doc, () => patcher.offsetBlocks()),
        anchors: null,
        echoUntil: 0,
        marksDue: false,
      };
      frame.current = state;
      doc.documentElement.setAttribute('data-theme', latest.current.theme);
      // Progressive unless a scroll position is to be restored (a new frame for a new policy):
      // that needs the whole page laid out.
      state.patcher.update(latest.current.blocks, { progressive: savedScroll.current === 0 });
      placeMarksAfterPaint(state, latest);
      if (savedScroll.current > 0) {
        state.echoUntil = performance.now() + ECHO_MS;
        win.scrollTo(0, savedScroll.current);
      }

      // Listeners live in the app's realm; the frame itself runs no script.
      doc.addEventListener(
        'click',
        (event) => {
          const target = event.target as Element | null;
          const link = target?.closest?.('a[href]');
          // In-page anchors (the toc) may scroll the frame; nothing else navigates it.
          if (link && !link.getAttribute('href')?.startsWith('#')) event.preventDefault();
          const offset = state.marks.offsetOfMark(target) ?? blockOffsetOf(state, event.target);
          if (offset !== null) latest.current.onOffsetClick?.(offset);
        },
        true,
      );
      // A mark is a button: Enter or Space on it goes to its block's source, as a click does.
      doc.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        const offset = state.marks.offsetOfMark(event.target as Node | null);
        if (offset === null) return;
        event.preventDefault();
        latest.current.onOffsetClick?.(offset);
      });
      let pending = false;
      win.addEventListener('scroll', () => {
        savedScroll.current = win.scrollY;
        if (performance.now() < state.echoUntil || pending) return;
        pending = true;
        win.requestAnimationFrame(() => {
          pending = false;
          const anchors = anchorsOf(state);
          if (anchors.length === 0) return;
          const end = doc.documentElement.scrollHeight;
          latest.current.onScrollOffset?.(
            sourceOffsetForTop(anchors, win.scrollY, end, latest.current.sourceLength),
          );
        });
      });
      // Layout changes move the anchors and the marks: a resize, an image arriving, an expand.
      // Once per frame: a page's images arrive (or fail) in dozens of events, and each relayout
      // reads every marked block's box.
      let relayoutDue = false;
      const relayout = () => {
        if (relayoutDue) return;
        relayoutDue = true;
        requestAnimationFrame(() => {
          relayoutDue = false;
          state.anchors = null;
          state.marks.relayout();
        });
      };
      win.addEventListener('resize', relayout);
      doc.addEventListener('load', relayout, true);
      // An image that cannot load (a missing attachment, a type the proxy will not serve inline)
      // says so instead of leaving a blank gap; the node stays, so block patching is unaffected.
      doc.addEventListener(
        'error',
        (event) => {
          const image = event.target as Element | null;
          if (image?.tagName !== 'IMG' || image.classList.contains('pw-image-failed')) return;
          const src = image.getAttribute('src') ?? '';
          const name = decodeURIComponent(src.split(/[?#]/)[0]!.split('/').pop() ?? '') || src;
          image.setAttribute('alt', `Image not loaded: ${name}`);
          image.classList.add('pw-image-failed');
          relayout();
        },
        true,
      );
      doc.addEventListener('toggle', relayout, true);
    },
    [appOrigin, allowExternalImages],
  );

  // Stable, so React calls it with null only when the iframe really goes (a new policy).
  const forgetOnUnmount = useCallback((iframe: HTMLIFrameElement | null) => {
    if (!iframe) frame.current = null;
  }, []);

  // A layout effect: the frame is patched in the same task as the commit, before the browser
  // paints, so a keystroke and its preview appear in the same frame (a passive effect of the
  // keystroke's render could run a frame later). The marks follow right after that paint (new
  // blocks come unmarked, and every block below an edit may have moved).
  useLayoutEffect(() => {
    const state = frame.current;
    if (!state) return;
    state.patcher.update(blocks);
    state.anchors = null;
    placeMarksAfterPaint(state, latest);
  }, [blocks, badges]);

  useEffect(() => {
    const state = frame.current;
    if (!state) return;
    state.doc.documentElement.setAttribute('data-theme', theme);
    state.anchors = null;
    state.marks.relayout();
  }, [theme]);

  useEffect(() => {
    if (!apiRef) return;
    apiRef.current = {
      scrollToOffset(offset) {
        const state = frame.current;
        const win = state?.doc.defaultView;
        if (!state || !win) return;
        state.patcher.finishFill();
        const anchors = anchorsOf(state);
        if (anchors.length === 0) return;
        const top = topForSourceOffset(anchors, offset, state.doc.documentElement.scrollHeight);
        state.echoUntil = performance.now() + ECHO_MS;
        win.scrollTo(0, top);
      },
      revealBlock(offset) {
        const state = frame.current;
        state?.patcher.finishFill();
        const win = state?.doc.defaultView;
        const block = state ? blockAt(state, offset) : null;
        if (!state || !win || !block) return false;
        // Not an echo: the editor follows the jump like any scroll of the frame.
        win.scrollTo(0, Math.max(0, block.getBoundingClientRect().top + win.scrollY - 24));
        state.marks.markAt(offset)?.focus({ preventScroll: true });
        return true;
      },
    };
    return () => {
      apiRef.current = null;
    };
  }, [apiRef]);
  if (appOrigin === '') return <div className={styles.previewHost} />;
  return (
    <div className={styles.previewHost}>
      <iframe
        // A new policy (external images allowed or not) needs a new document: a CSP set by
        // <meta> can be tightened later but never relaxed.
        key={csp}
        ref={forgetOnUnmount}
        className={styles.previewFrame}
        style={{ colorScheme: theme }}
        title={title}
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
        // React passes the TrustedHTML object through to setAttribute; the type says string.
        srcDoc={shell as string}
        onLoad={(event) => onLoad(event.currentTarget)}
      />
    </div>
  );
}
