'use client';

import { type RefObject, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';

import { unplacedBlocks } from '@/lib/preview/preview-dom';
import { classifyBlocksByOffset, fidelityEntries } from '@/lib/preview/preview-fidelity';
import { badgesByOffset, summarizeFidelity } from '@/lib/preview/preview-fidelity-badges';
import { createFlagStore, EXTERNAL_IMAGES_KEY } from '@/lib/preview/preview-settings';
import { useSession } from '@/lib/queries/session';

import { PreviewFrame, type PreviewFrameApi } from './preview-frame';
import styles from './preview-pane.module.css';
import type { StorageEditorApi } from '@/components/editor/storage-editor';
import { FidelitySummaryLine } from './fidelity-summary';
import { useConfluenceRendering } from './use-confluence-rendering';
import { useInstantPreview } from './use-instant-preview';
import { useReferenceCheck } from './use-reference-check';
import { useScrollSync } from './use-scroll-sync';

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

  const instant = useInstantPreview(source, pageId, confluence);
  const {
    rendering,
    current,
    inFlight,
    errorMessage,
    refresh: fetchRendering,
  } = useConfluenceRendering(source, pageId, mode === 'confluence');

  // Fidelity marks: what the instant preview shows exactly, approximately, or not at all, block by
  // block (keyed by source offset). Not while signed out (or signing out): the check needs the
  // session.
  const signedIn = Boolean(useSession().data?.session);
  const resolution = useReferenceCheck(confluence && signedIn ? pageId : undefined, source);
  const blocks = useMemo(
    () => (instant.parsed ? classifyBlocksByOffset(instant.parsed, resolution ?? undefined) : []),
    [instant.parsed, resolution],
  );
  const badges = useMemo(() => badgesByOffset(blocks), [blocks]);
  const fidelity = useMemo(() => summarizeFidelity(blocks), [blocks]);
  const entries = useMemo(() => fidelityEntries(blocks), [blocks]);

  const goTo = (line: number, column = 1) => editorApiRef?.current?.goTo(line, column);
  const goToOffset = (offset: number) => {
    const position = instant.parsed?.positions.lineColumnAt(offset);
    if (position) goTo(position.line, position.column);
  };
  const onPreviewScroll = useScrollSync(editorApiRef, frameApi);

  const confluenceMode = confluence && mode === 'confluence';
  const confluenceHtml = rendering?.html ?? '';
  const confluenceBlocks = useMemo(() => unplacedBlocks(confluenceHtml), [confluenceHtml]);
  const shownBlocks = confluenceMode ? confluenceBlocks : instant.blocks;

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
        <FidelitySummaryLine
          summary={fidelity}
          entries={entries}
          unchecked={confluence && resolution === null}
          onSwitchToConfluence={confluence ? () => setMode('confluence') : undefined}
          onJump={(offset) => frameApi.current?.revealBlock(offset)}
        />
      )}
      {confluenceMode && errorMessage && (
        <div className={styles.error} role="alert">
          Confluence could not render this body: {errorMessage}
          {rendering ? ' The last good rendering is still shown.' : ''}{' '}
          <button type="button" className="button" onClick={fetchRendering}>
            Try again
          </button>
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
            className={`link-button ${styles.linkButton}`}
            onClick={() => goTo(instant.firstError!.line, instant.firstError!.column)}
          >
            Go to line {instant.firstError.line}: {instant.firstError.message}
          </button>
        </div>
      )}

      <PreviewFrame
        blocks={shownBlocks}
        theme={theme}
        allowExternalImages={allowExternal}
        title="Preview"
        sourceLength={source.length}
        apiRef={frameApi}
        onOffsetClick={confluenceMode ? undefined : goToOffset}
        onScrollOffset={confluenceMode ? undefined : onPreviewScroll}
        badges={confluenceMode ? undefined : badges}
      />
    </div>
  );
}
