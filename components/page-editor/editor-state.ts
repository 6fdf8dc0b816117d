import type { LineChangeSummary } from '@/lib/editor/line-diff';
import {
  type SaveProblem,
  saveProblemsOf,
  type VerificationNotice,
  verificationNoticeOf,
} from '@/lib/editor/save-checks';
import { type AppError, isAppError, messageFor } from '@/lib/errors';
import { type LaidOutBody, viewOf } from '@/lib/pages/page-view';
import type { Page } from '@/lib/queries/pages';
import type { Diagnostic } from '@/lib/storage-format/types';

import type { PageDraft } from './page-draft';
import type { SaveRequest, SaveResult } from './use-page-save';

/** What the editor is based on: set at load, after a save, and by "Reload latest" only. */
export interface Base {
  version: number;
  body: string;
  title: string;
  parentId: string | null;
  when: string;
  by: string;
}

export function baseOf(page: Page): Base {
  return {
    version: page.version.number,
    body: page.body,
    title: page.title,
    parentId: page.parentId,
    when: page.version.when,
    by: page.version.by,
  };
}

/** One old version of the page, as the history dialog hands it over. */
export interface HistoryVersion {
  number: number;
  body: string;
}

/**
 * The editor's text when a dialog opened (the editor is inert meanwhile): `text` as shown, `body`
 * the body a save sends for it (in the stored layout), `lines` the changes the user made, in the
 * user's view.
 */
export interface Snapshot {
  body: string;
  text: string;
  lines: LineChangeSummary;
}

/** The dialog on top of the editor, with the text it was opened on. */
export type Dialog =
  | ({ kind: 'save' } & Snapshot)
  | ({ kind: 'diff'; fromSave: boolean } & Snapshot)
  | { kind: 'rename' }
  | { kind: 'history' }
  /** One old version compared with the editor text; closing it goes back to the list. */
  | { kind: 'compare'; version: HistoryVersion; text: string };

export interface EditorState {
  base: Base;
  /** Set when a restored draft was based on an older version: saving it must not skip theirs. */
  baseOverride: number | null;
  /**
   * The stored body the editor text is a view of (the base's, or a restored version's), laid
   * out when it is on long lines: a save carries the edits made in the view back to its bytes.
   */
  view: LaidOutBody;
  /** The editor text as React knows it (the preview reads a live copy, current on every key). */
  body: string;
  title: string;
  panes: { editor: boolean; preview: boolean };
  /** The engine's findings in the editor, including the dry run's (`serverDiagnostics`). */
  diagnostics: readonly Diagnostic[];
  /** The status bar's message. */
  notice: string;
  dialog: Dialog | null;
  /** The version comment and minor flag outlive the save panel (Review diff, retries, merges). */
  message: string;
  minorEdit: boolean;
  saveError: AppError | null;
  /** The title Confluence refused as taken by another page. */
  clashedTitle: string | null;
  /** The free title the server found with that refusal. */
  serverTitleSuggestion: { title: string; suggestion: string } | null;
  /** A refusal as invalid_storage, translated for the body that was sent, with its fixes. */
  saveProblems: { body: string; problems: SaveProblem[] } | null;
  /** What Confluence says after a save. */
  verification: VerificationNotice | null;
  /** The dry run's findings last handed to the editor (it drops them on the next edit). */
  serverDiagnostics: readonly Diagnostic[];
  /** Set once the site refused the dry run itself: the save panel stops asking for it. */
  checkUnavailable: boolean;
  reloading: boolean;
}

export type EditorAction =
  | { type: 'edited'; body: string }
  | { type: 'titleChanged'; title: string }
  | { type: 'paneToggled'; pane: 'editor' | 'preview' }
  | { type: 'diagnosed'; diagnostics: readonly Diagnostic[] }
  | { type: 'noticed'; notice: string }
  | { type: 'dialogOpened'; dialog: Dialog | null }
  | { type: 'messageChanged'; message: string }
  | { type: 'minorEditChanged'; minorEdit: boolean }
  | { type: 'saveStarted' }
  | {
      type: 'saved';
      result: SaveResult;
      request: SaveRequest;
      when: string;
      by: string;
      /** The view of the body as saved: the next save's edits are carried back to it. */
      view: LaidOutBody;
    }
  | { type: 'saveFailed'; error: unknown; request: SaveRequest }
  | { type: 'refusalFixed' }
  | { type: 'verificationDismissed' }
  | { type: 'saveErrorDismissed' }
  | { type: 'serverChecked'; diagnostics: readonly Diagnostic[]; summary: string }
  | { type: 'checkUnavailable' }
  | { type: 'reloadStarted' }
  | { type: 'reloaded'; page: Page; view: LaidOutBody }
  | { type: 'reloadFailed'; error: unknown }
  /** `text`: the draft as the editor shows it over the current view. */
  | { type: 'draftRestored'; draft: PageDraft; text: string }
  /** `view`: the old version's stored body as the editor shows it. */
  | { type: 'versionLoaded'; version: HistoryVersion; view: LaidOutBody }
  | { type: 'renamed'; title: string }
  | { type: 'moved'; version: number; parentId: string | null };

/** The state of a freshly opened page: the editor opens with the view of its body. */
export function loaded(page: Page, view: LaidOutBody = viewOf(page.body)): EditorState {
  return {
    base: baseOf(page),
    baseOverride: null,
    view,
    body: view.text,
    title: page.title,
    panes: { editor: true, preview: true },
    diagnostics: [],
    notice: '',
    dialog: null,
    message: '',
    minorEdit: false,
    saveError: null,
    clashedTitle: null,
    serverTitleSuggestion: null,
    saveProblems: null,
    verification: null,
    serverDiagnostics: [],
    checkUnavailable: false,
    reloading: false,
  };
}

/**
 * The base version as the editor would show it (laid out like the view): the left side of
 * "Changes since version N", and what the user's line changes are counted against.
 */
export function baseViewTextOf(state: Pick<EditorState, 'view' | 'base'>): string {
  return state.view.original === state.base.body ? state.view.text : viewOf(state.base.body).text;
}

/** The version a save goes against: a restored older draft's, else the base's. */
export function baseVersionOf(state: EditorState): number {
  return state.baseOverride ?? state.base.version;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edited':
      // "Saved and verified" speaks of the text as saved: once it changes, that is no longer so.
      // A mismatch stays until dismissed.
      return {
        ...state,
        body: action.body,
        verification:
          state.verification?.ok && action.body !== state.body ? null : state.verification,
      };
    case 'titleChanged':
      return { ...state, title: action.title };
    case 'paneToggled': {
      const panes = { ...state.panes, [action.pane]: !state.panes[action.pane] };
      // One of the two always shows.
      return panes.editor || panes.preview ? { ...state, panes } : state;
    }
    case 'diagnosed':
      return { ...state, diagnostics: action.diagnostics };
    case 'noticed':
      return { ...state, notice: action.notice };
    case 'dialogOpened':
      return { ...state, dialog: action.dialog };
    case 'messageChanged':
      return { ...state, message: action.message };
    case 'minorEditChanged':
      return { ...state, minorEdit: action.minorEdit };
    case 'saveStarted':
      return {
        ...state,
        dialog: null,
        saveError: null,
        saveProblems: null,
        verification: null,
        notice: '',
      };
    case 'saved':
      return saved(state, action);
    case 'saveFailed':
      return saveFailed(state, action.error, action.request);
    case 'refusalFixed':
      return { ...state, saveProblems: null };
    case 'verificationDismissed':
      return { ...state, verification: null };
    case 'saveErrorDismissed':
      return { ...state, saveError: null };
    case 'serverChecked':
      return { ...state, serverDiagnostics: action.diagnostics, notice: action.summary };
    case 'checkUnavailable':
      return { ...state, checkUnavailable: true };
    case 'reloadStarted':
      return { ...state, reloading: true };
    case 'reloaded':
      // Theirs in the editor; mine was kept aside as a draft on offer.
      return {
        ...state,
        base: baseOf(action.page),
        baseOverride: null,
        clashedTitle: null,
        title: action.page.title,
        view: action.view,
        body: action.view.text,
        reloading: false,
      };
    case 'reloadFailed':
      return {
        ...state,
        saveError: isAppError(action.error) ? action.error : null,
        reloading: false,
      };
    case 'draftRestored': {
      const { draft } = action;
      return {
        ...state,
        body: action.text,
        title: draft.title,
        // Text written on an older version is saved against that version: a conflict, not an overwrite.
        baseOverride: draft.baseVersion < state.base.version ? draft.baseVersion : null,
      };
    }
    case 'versionLoaded':
      return {
        ...state,
        dialog: null,
        view: action.view,
        body: action.view.text,
        notice: `Version ${action.version.number} is in the editor: save to make it the newest version.`,
      };
    case 'renamed':
      return {
        ...state,
        title: action.title,
        dialog: null,
        notice: `Renamed to “${action.title}”: save to apply it.`,
      };
    case 'moved':
      // A move is a saved version of its own (same body and title, new parent).
      return {
        ...state,
        base: { ...state.base, version: action.version, parentId: action.parentId },
        notice: `Moved: the page is now at version ${action.version}`,
      };
  }
}

function saved(
  state: EditorState,
  { result, request, when, by, view }: Extract<EditorAction, { type: 'saved' }>,
): EditorState {
  return {
    ...state,
    base: {
      ...state.base,
      version: result.version,
      body: request.body,
      title: request.title,
      when,
      by,
    },
    view,
    // The merge result is what was saved: the editor shows it (mine was part of the merge).
    ...(request.fromMerge ? { body: view.text, title: request.title } : {}),
    baseOverride: null,
    clashedTitle: null,
    message: '',
    minorEdit: false,
    notice: `Saved version ${result.version}`,
    verification: verificationNoticeOf(result.verification, result.version),
  };
}

/** A save that failed for good (no retry or conflict flow follows): what the editor shows. */
function saveFailed(state: EditorState, error: unknown, request: SaveRequest): EditorState {
  if (!isAppError(error)) {
    return { ...state, saveError: null, notice: messageFor('internal') };
  }
  if (isAppError(error, 'title_clash')) {
    const suggestion = error.details?.suggestedTitle?.trim() ? error.details.suggestedTitle : null;
    return {
      ...state,
      clashedTitle: request.title,
      serverTitleSuggestion: suggestion ? { title: request.title, suggestion } : null,
    };
  }
  if (isAppError(error, 'invalid_storage')) {
    // In the user's view: the problems' places and fixes are those of the text in the editor.
    const problems = saveProblemsOf(error.details, request.text);
    return problems.length > 0
      ? { ...state, saveProblems: { body: request.text, problems } }
      : { ...state, saveError: error };
  }
  return { ...state, saveError: error };
}
