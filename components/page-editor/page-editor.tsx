'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type MouseEvent, useCallback, useEffect, useId, useRef, useState } from 'react';

import { countDiagnostics } from '@/lib/editor/diagnostic-markers';
import { resolveTheme } from '@/lib/editor/storage-themes';
import { fetchJson } from '@/lib/http/fetch-json';
import { type AppError, isAppError, messageFor } from '@/lib/errors';
import { type Page, pageQueryKey, pageQueryOptions } from '@/lib/queries/pages';
import { rememberRecentPage } from '@/lib/queries/recent-pages';
import { useSession } from '@/lib/queries/session';
import type { Diagnostic } from '@/lib/storage-format/types';

import editorStyles from '@/components/editor/editor.module.css';
import { PreviewFrame } from '@/components/editor/preview-frame';
import { SplitView } from '@/components/editor/split-view';
import type { StorageEditorApi } from '@/components/editor/storage-editor';
import { StorageEditorLoader } from '@/components/editor/storage-editor-loader';
import { useSystemDark } from '@/components/editor/use-system-dark';
import { ErrorAlert } from '@/components/session/error-alert';

import { deleteDraft, type PageDraft, readDraft, writeDraft } from './page-draft';
import styles from './page-editor.module.css';

/** Drafts are written this long after the last change (and at once on pagehide / hidden). */
const DRAFT_DELAY_MS = 2000;
const TITLE_CHECK_DELAY_MS = 400;

interface SaveResult {
  version: number;
  recovered: boolean;
}

interface TitleCheck {
  free: boolean;
  isThisPage: boolean;
  clash: { id: string; title: string; status: string } | null;
}

interface SaveInput {
  baseVersion: number;
  title: string;
  body: string;
}

/** What the editor is based on: set at load, after a save, and by "Reload latest" only. */
interface Base {
  version: number;
  body: string;
  title: string;
  parentId: string | null;
  when: string;
  by: string;
}

function baseOf(page: Page): Base {
  return {
    version: page.version.number,
    body: page.body,
    title: page.title,
    parentId: page.parentId,
    when: page.version.when,
    by: page.version.by,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function currentVersionOf(error: AppError): number | null {
  const details = error.details as { currentVersion?: unknown } | undefined;
  const value = details?.currentVersion;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function firstDiagnosticOf(error: AppError): { line: number; column: number } | null {
  const details = error.details as { diagnostics?: unknown } | undefined;
  if (!Array.isArray(details?.diagnostics)) return null;
  const first: unknown = details.diagnostics[0];
  if (typeof first !== 'object' || first === null) return null;
  const { line, column } = first as Record<string, unknown>;
  return typeof line === 'number' && typeof column === 'number' ? { line, column } : null;
}

function clashMessage(title: string, spaceKey: string): string {
  return `A page titled ${title} already exists in ${spaceKey}`;
}

/** `/pages/[id]`: loads the page, then hands it to the editor (errors: the server's message). */
export function PageEditor({ id }: { id: string }) {
  // The editor pins its own base version; a background refetch must never move it (DATA-1).
  const query = useQuery({
    ...pageQueryOptions(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (query.isPending) {
    return (
      <p className={styles.loading} role="status">
        Loading the page…
      </p>
    );
  }
  if (query.isError) {
    return (
      <section className="shell" aria-label="Page not opened">
        {isAppError(query.error) ? (
          <ErrorAlert error={query.error} />
        ) : (
          <div className="alert" role="alert">
            {messageFor('internal')}
          </div>
        )}
        <p>
          <Link href="/">Back to Open</Link>
        </p>
      </section>
    );
  }
  return <LoadedPageEditor key={query.data.id} page={query.data} />;
}

function LoadedPageEditor({ page }: { page: Page }) {
  const id = page.id;
  const queryClient = useQueryClient();
  const session = useSession();
  const systemDark = useSystemDark();
  const theme = resolveTheme('system', systemDark);
  const domId = useId();

  const apiRef = useRef<StorageEditorApi | null>(null);
  const [base, setBase] = useState<Base>(() => baseOf(page));
  /** Set when a restored draft was based on an older version: saving it must not skip theirs. */
  const [baseOverride, setBaseOverride] = useState<number | null>(null);
  const [body, setBody] = useState(page.body);
  const [title, setTitle] = useState(page.title);
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [notice, setNotice] = useState('');
  const [showPreview, setShowPreview] = useState(true);
  const [conflict, setConflict] = useState<{ currentVersion: number } | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [clashedTitle, setClashedTitle] = useState<string | null>(null);
  const [offer, setOffer] = useState<PageDraft | null>(() => {
    const draft = readDraft(page.id);
    return draft && (draft.body !== page.body || draft.title !== page.title) ? draft : null;
  });

  const trimmedTitle = title.trim();
  const baseVersion = baseOverride ?? base.version;
  const dirty = body !== base.body || trimmedTitle !== base.title;

  useEffect(() => {
    rememberRecentPage({ id: page.id, title: page.title, spaceKey: page.spaceKey });
  }, [page.id, page.title, page.spaceKey]);

  // --- Drafts (DATA-3): the latest state, readable from pagehide and timers. ---
  const latest = useRef({ body, title, baseVersion, dirty, offer });
  useEffect(() => {
    latest.current = { body, title, baseVersion, dirty, offer };
  });

  const keepDraft = useCallback(() => {
    const now = latest.current;
    // While a draft is on offer, it is the only copy of that text: never overwrite it.
    if (!now.dirty || now.offer) return;
    writeDraft({
      pageId: id,
      baseVersion: now.baseVersion,
      body: apiRef.current?.getValue() ?? now.body,
      title: now.title,
      savedAt: Date.now(),
    });
  }, [id]);

  useEffect(() => {
    if (!dirty || offer) return;
    const timer = setTimeout(keepDraft, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, title, dirty, offer, keepDraft]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keepDraft();
    };
    window.addEventListener('pagehide', keepDraft);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', keepDraft);
      document.removeEventListener('visibilitychange', onHidden);
      keepDraft();
    };
  }, [keepDraft]);

  // --- Leave guard (DATA-4): attached only while there are unsaved changes. ---
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      keepDraft();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, keepDraft]);

  const guardLink = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!dirty) return;
    keepDraft();
    if (!window.confirm('Leave this page? Your unsaved changes are kept as a local draft.')) {
      event.preventDefault();
    }
  };

  // --- Title check (debounced). ---
  const [checkedTitle, setCheckedTitle] = useState(trimmedTitle);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedTitle(trimmedTitle), TITLE_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [trimmedTitle]);
  const titleCheck = useQuery({
    queryKey: ['title-check', id, page.spaceKey, checkedTitle],
    queryFn: ({ signal }) =>
      fetchJson<TitleCheck>(
        `/api/pages/${encodeURIComponent(id)}/title-check?${new URLSearchParams({
          title: checkedTitle,
          spaceKey: page.spaceKey,
        })}`,
        { signal },
      ),
    enabled: checkedTitle !== '' && checkedTitle !== base.title,
  });
  const titleChanged = trimmedTitle !== '' && trimmedTitle !== base.title;
  const checkCurrent = titleChanged && checkedTitle === trimmedTitle;
  const titleTaken =
    (checkCurrent && titleCheck.data?.free === false) || clashedTitle === trimmedTitle;

  // --- Save (DATA-1, DATA-7). ---
  const saving = useRef(false);
  const mutation = useMutation({
    mutationFn: (input: SaveInput) =>
      fetchJson<SaveResult>(`/api/pages/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: { ...input, parentId: base.parentId },
      }),
    onMutate: () => {
      setSaveError(null);
      setNotice('');
    },
    onSuccess: (result, input) => {
      const when = new Date().toISOString();
      const by = session.data?.session?.displayName ?? base.by;
      setBase((old) => ({
        ...old,
        version: result.version,
        body: input.body,
        title: input.title,
        when,
        by,
      }));
      queryClient.setQueryData<Page>(pageQueryKey(id), (old) =>
        old
          ? {
              ...old,
              title: input.title,
              body: input.body,
              version: {
                ...old.version,
                number: result.version,
                when,
                by,
                message: '',
                minorEdit: false,
              },
            }
          : old,
      );
      setBaseOverride(null);
      setConflict(null);
      setClashedTitle(null);
      deleteDraft(id);
      setNotice(`Saved version ${result.version}`);
      rememberRecentPage({ id, title: input.title, spaceKey: page.spaceKey });
    },
    onError: (error, input) => {
      // The text stays in the editor; keep a draft too (a sign-in redirect may follow).
      writeDraft({
        pageId: id,
        baseVersion: input.baseVersion,
        body: input.body,
        title: input.title,
        savedAt: Date.now(),
      });
      if (!isAppError(error)) {
        setSaveError(null);
        setNotice(messageFor('internal'));
        return;
      }
      if (error.code === 'version_conflict') {
        setConflict({ currentVersion: currentVersionOf(error) ?? input.baseVersion + 1 });
        return;
      }
      if (error.code === 'title_clash') {
        setClashedTitle(input.title);
        return;
      }
      setSaveError(error);
      if (error.code === 'invalid_storage') {
        const first = firstDiagnosticOf(error);
        if (first) apiRef.current?.goTo(first.line, first.column);
      }
    },
    onSettled: () => {
      saving.current = false;
    },
  });

  const { errors, warnings } = countDiagnostics(diagnostics);
  const blockedBy: string | null = offer
    ? 'Restore or discard the local draft before saving.'
    : trimmedTitle === ''
      ? 'A page needs a title.'
      : titleTaken
        ? clashMessage(trimmedTitle, page.spaceKey)
        : errors > 0
          ? messageFor('invalid_storage')
          : null;

  const save = useCallback(
    (overrideBase?: number) => {
      if (saving.current) return;
      const input: SaveInput = {
        baseVersion: overrideBase ?? baseVersion,
        title: trimmedTitle,
        body: apiRef.current?.getValue() ?? body,
      };
      saving.current = true;
      mutation.mutate(input);
    },
    [baseVersion, trimmedTitle, body, mutation],
  );

  const canSave = !mutation.isPending && dirty && blockedBy === null && conflict === null;
  const saveRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    saveRef.current = () => {
      if (canSave) save();
    };
  });

  // Ctrl/Cmd+S anywhere on the page (capture: before Monaco or the browser's own "Save as").
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // --- Conflict (DATA-2, minimal): mine is never discarded. ---
  const overwrite = () => {
    if (!conflict) return;
    const ok = window.confirm(
      `Replace version ${conflict.currentVersion} with your text? The changes saved in version ${conflict.currentVersion} will no longer be the current page.`,
    );
    if (!ok) return;
    setConflict(null);
    save(conflict.currentVersion);
  };

  const [reloading, setReloading] = useState(false);
  const reloadLatest = async () => {
    const mine: PageDraft = {
      pageId: id,
      baseVersion,
      body: apiRef.current?.getValue() ?? body,
      title: trimmedTitle,
      savedAt: Date.now(),
    };
    if (!writeDraft(mine)) {
      setNotice('Your text could not be kept as a local draft; it stays in the editor.');
      return;
    }
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...pageQueryOptions(id), staleTime: 0 });
      setBase(baseOf(fresh));
      setBaseOverride(null);
      setConflict(null);
      setClashedTitle(null);
      setOffer(mine);
      setTitle(fresh.title);
      apiRef.current?.setValue(fresh.body);
      setBody(fresh.body);
    } catch (error) {
      setSaveError(isAppError(error) ? error : null);
    } finally {
      setReloading(false);
    }
  };

  // --- Draft offer. ---
  const restoreDraft = () => {
    if (!offer) return;
    const api = apiRef.current;
    if (!api) return;
    api.setValue(offer.body);
    setBody(offer.body);
    setTitle(offer.title);
    // Text written on an older version is saved against that version: a conflict, not an overwrite.
    setBaseOverride(offer.baseVersion < base.version ? offer.baseVersion : null);
    setOffer(null);
    api.focus();
  };
  const discardDraft = () => {
    deleteDraft(id);
    setOffer(null);
  };

  const onFormat = () => {
    const api = apiRef.current;
    if (!api) return;
    const result = api.format();
    setNotice(result.ok ? 'Formatted.' : (result.reason ?? 'Formatting was refused.'));
    api.focus();
  };
  const onValidate = async () => {
    const api = apiRef.current;
    if (!api) return;
    const found = await api.focusFirstProblem();
    setNotice(found ? '' : 'No problems found.');
  };

  const saveState = mutation.isPending
    ? 'Saving…'
    : conflict
      ? 'Conflict'
      : dirty
        ? 'Unsaved changes'
        : `Saved v${base.version}`;
  const first = diagnostics.find((d) => d.severity === 'error');
  const titleId = `${domId}-title`;
  const titleStatusId = `${domId}-title-status`;
  const saveWhyId = `${domId}-save-why`;

  return (
    <section className={styles.root} aria-labelledby={`${domId}-heading`}>
      <header className={styles.header}>
        <nav aria-label="Breadcrumb">
          <ol className={styles.breadcrumb}>
            <li>{page.spaceKey}</li>
            {page.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link href={`/pages/${encodeURIComponent(ancestor.id)}`} onClick={guardLink}>
                  {ancestor.title}
                </Link>
              </li>
            ))}
            <li aria-current="page">{base.title}</li>
          </ol>
        </nav>
        <div className={styles.headingRow}>
          <h1 id={`${domId}-heading`} className={styles.heading}>
            {base.title}
          </h1>
          <p className={styles.version}>
            Version {base.version} by {base.by}
          </p>
        </div>
        <div className={styles.titleRow}>
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={255}
            spellCheck
            aria-invalid={titleTaken || trimmedTitle === '' ? true : undefined}
            aria-describedby={titleStatusId}
          />
          <span id={titleStatusId} className={styles.titleStatus} role="status">
            {trimmedTitle === ''
              ? 'A page needs a title.'
              : titleTaken
                ? clashMessage(trimmedTitle, page.spaceKey)
                : checkCurrent && titleCheck.data?.free
                  ? 'Title is free'
                  : checkCurrent && titleCheck.error
                    ? titleCheck.error.message
                    : ''}
          </span>
        </div>
      </header>

      {offer && (
        <div className={`notice ${styles.banner}`} role="region" aria-label="Local draft">
          <span>
            You have unsaved changes from{' '}
            <time dateTime={new Date(offer.savedAt).toISOString()}>
              {new Date(offer.savedAt).toLocaleString()}
            </time>
            :
          </span>
          <button type="button" className="button button-primary" onClick={restoreDraft}>
            Restore
          </button>
          <button type="button" className="button" onClick={discardDraft}>
            Discard
          </button>
        </div>
      )}

      {conflict && (
        <div className={`alert ${styles.banner}`} role="alert">
          <span>
            Someone else saved version {conflict.currentVersion} after you opened this page. Your
            text is still here.
          </span>
          <button
            type="button"
            className="button"
            onClick={overwrite}
            disabled={mutation.isPending}
          >
            Overwrite with mine
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void reloadLatest()}
            disabled={reloading || mutation.isPending}
          >
            Reload latest
          </button>
        </div>
      )}

      {saveError && <ErrorAlert error={saveError} />}

      <div className={editorStyles.toolbar} role="toolbar" aria-label="Page tools">
        <button type="button" onClick={onFormat}>
          Format
        </button>
        <button type="button" onClick={() => void onValidate()}>
          Validate
        </button>
        <button type="button" aria-pressed={showPreview} onClick={() => setShowPreview((v) => !v)}>
          Preview
        </button>
        <span className={editorStyles.separatorGroup} aria-hidden="true" />
        <button
          type="button"
          className={styles.saveButton}
          onClick={() => save()}
          disabled={!canSave}
          aria-describedby={blockedBy ? saveWhyId : undefined}
          aria-keyshortcuts="Control+S Meta+S"
        >
          Save
        </button>
        {blockedBy && dirty && (
          <span id={saveWhyId} className={styles.saveWhy}>
            {blockedBy}
          </span>
        )}
      </div>

      <SplitView
        label="Resize editor and preview"
        first={
          <StorageEditorLoader
            defaultValue={body}
            path={`page-${id}.storage`}
            ariaLabel={`Storage format source of ${page.title}`}
            onChange={setBody}
            onDiagnostics={setDiagnostics}
            onCursorChange={setCursor}
            onNotice={setNotice}
            theme={theme}
            wordWrap
            minimap={false}
            apiRef={apiRef}
          />
        }
        second={showPreview ? <PreviewFrame source={body} /> : null}
      />

      <div className={editorStyles.statusBar}>
        <span
          className={errors > 0 ? editorStyles.statusErrors : undefined}
          data-testid="error-count"
        >
          {plural(errors, 'error')}
        </span>
        <span data-testid="warning-count">{plural(warnings, 'warning')}</span>
        <span>
          Ln {cursor.line}, Col {cursor.column}
        </span>
        {first && (
          <button
            type="button"
            className={editorStyles.linkButton}
            onClick={() => apiRef.current?.goTo(first.line, first.column)}
          >
            Line {first.line}: {first.message}
          </button>
        )}
        <span data-testid="save-state" role="status" aria-live="polite">
          {saveState}
        </span>
        <span className={editorStyles.notice} aria-live="polite">
          {notice}
        </span>
      </div>
    </section>
  );
}
