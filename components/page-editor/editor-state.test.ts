import { describe, expect, it } from 'vitest';

import { AppError, messageFor } from '@/lib/errors';
import type { Page } from '@/lib/queries/pages';

import { baseVersionOf, editorReducer, type EditorState, loaded } from './editor-state';
import type { SaveRequest } from './use-page-save';

const page: Page = {
  id: '42',
  title: 'Sandbox',
  spaceKey: 'DEMO',
  parentId: '7',
  ancestors: [{ id: '7', title: 'Home' }],
  version: { number: 5, when: '2026-01-01T00:00:00Z', by: 'Alex', message: '', minorEdit: false },
  body: '<p>five</p>',
  webUrl: 'https://wiki.example/pages/42',
};

function request(change: Partial<SaveRequest> = {}): SaveRequest {
  return {
    baseVersion: 5,
    title: 'Sandbox',
    body: '<p>six</p>',
    message: 'why',
    minorEdit: true,
    base: { title: 'Sandbox', body: '<p>five</p>' },
    fromMerge: false,
    ...change,
  };
}

/** A page edited for a while: text typed, a refused title, a comment, a draft on an old base… */
function busyState(): EditorState {
  let state = loaded(page, '<p>five</p>');
  state = editorReducer(state, { type: 'edited', body: '<p>six</p>' });
  state = editorReducer(state, { type: 'messageChanged', message: 'why' });
  state = editorReducer(state, { type: 'minorEditChanged', minorEdit: true });
  state = editorReducer(state, {
    type: 'draftRestored',
    draft: { pageId: '42', baseVersion: 3, body: '<p>old</p>', title: 'Taken', savedAt: 1 },
  });
  state = editorReducer(state, {
    type: 'saveFailed',
    error: new AppError('title_clash', undefined, { confluence: 'taken' }),
    request: request({ title: 'Taken' }),
  });
  return state;
}

describe('editorReducer', () => {
  it('starts from the loaded page, with the text the editor opens with', () => {
    const state = loaded(page, '<p>\n  five\n</p>');
    expect(state.base).toEqual({
      version: 5,
      body: '<p>five</p>',
      title: 'Sandbox',
      parentId: '7',
      when: '2026-01-01T00:00:00Z',
      by: 'Alex',
    });
    expect(state).toMatchObject({ body: '<p>\n  five\n</p>', title: 'Sandbox', dialog: null });
    expect(baseVersionOf(state)).toBe(5);
  });

  it('saved: the new base, and everything about the last save attempt reset', () => {
    const before = busyState();
    expect(before).toMatchObject({ baseOverride: 3, clashedTitle: 'Taken', message: 'why' });
    const state = editorReducer(before, {
      type: 'saved',
      result: { version: 6, recovered: false },
      request: request({ body: '<p>old</p>', title: 'Renamed' }),
      when: '2026-01-02T00:00:00Z',
      by: 'Demo User',
    });
    expect(state.base).toEqual({
      version: 6,
      body: '<p>old</p>',
      title: 'Renamed',
      parentId: '7',
      when: '2026-01-02T00:00:00Z',
      by: 'Demo User',
    });
    expect(state).toMatchObject({
      baseOverride: null,
      clashedTitle: null,
      message: '',
      minorEdit: false,
      notice: 'Saved version 6',
      verification: null,
      // Not from a merge: the editor keeps its own text and title.
      body: '<p>old</p>',
      title: 'Taken',
    });
    expect(baseVersionOf(state)).toBe(6);
  });

  it('saved from a merge: the editor shows the saved text, and the verdict is in words', () => {
    const state = editorReducer(busyState(), {
      type: 'saved',
      result: {
        version: 8,
        recovered: false,
        verification: { ok: false, reason: 'could not read back' },
      },
      request: request({ body: '<p>merged</p>', title: 'Merged', fromMerge: true }),
      when: 'now',
      by: 'Demo User',
    });
    expect(state).toMatchObject({ body: '<p>merged</p>', title: 'Merged' });
    expect(state.verification).toEqual({
      ok: false,
      text: 'Saved v8, but the page could not be read back to verify it.',
    });
  });

  it('saveFailed: a title clash marks the title and keeps the server’s free title', () => {
    const state = editorReducer(loaded(page, page.body), {
      type: 'saveFailed',
      error: new AppError('title_clash', undefined, {
        confluence: 'taken',
        suggestedTitle: 'Roadmap (2)',
      }),
      request: request({ title: 'Roadmap' }),
    });
    expect(state.clashedTitle).toBe('Roadmap');
    expect(state.serverTitleSuggestion).toEqual({ title: 'Roadmap', suggestion: 'Roadmap (2)' });
    expect(state.saveError).toBeNull();
    const blank = editorReducer(state, {
      type: 'saveFailed',
      error: new AppError('title_clash', undefined, { confluence: 'taken', suggestedTitle: ' ' }),
      request: request({ title: 'Roadmap' }),
    });
    expect(blank.serverTitleSuggestion).toBeNull();
  });

  it('saveFailed: invalid_storage becomes translated problems for the sent body', () => {
    const sent = '<p>Line<br>break</p>';
    const state = editorReducer(loaded(page, page.body), {
      type: 'saveFailed',
      error: new AppError('invalid_storage', undefined, {
        diagnostics: [{ line: 1, column: 8, message: 'x' }],
      }),
      request: request({ body: sent }),
    });
    expect(state.saveProblems?.body).toBe(sent);
    expect(state.saveProblems?.problems[0]).toMatchObject({ line: 1 });
    expect(state.saveError).toBeNull();
  });

  it.each([new AppError('invalid_storage'), new AppError('confluence_forbidden')])(
    'saveFailed: $code with nothing to translate shows the error itself',
    (error) => {
      const state = editorReducer(loaded(page, page.body), {
        type: 'saveFailed',
        error,
        request: request(),
      });
      expect(state.saveError).toBe(error);
      expect(state.saveProblems).toBeNull();
    },
  );

  it('saveFailed: something that is not an AppError says so in the status bar', () => {
    const state = editorReducer(
      { ...loaded(page, page.body), saveError: new AppError('offline') },
      { type: 'saveFailed', error: new TypeError('x'), request: request() },
    );
    expect(state.saveError).toBeNull();
    expect(state.notice).toBe(messageFor('internal'));
  });

  it('reloaded: theirs becomes the base and the text, the old draft base is forgotten', () => {
    let state = editorReducer(busyState(), { type: 'reloadStarted' });
    expect(state.reloading).toBe(true);
    const theirs: Page = {
      ...page,
      title: 'Sandbox v7',
      body: '<p>seven</p>',
      version: { ...page.version, number: 7, by: 'Robin' },
    };
    state = editorReducer(state, { type: 'reloaded', page: theirs });
    expect(state).toMatchObject({
      body: '<p>seven</p>',
      title: 'Sandbox v7',
      baseOverride: null,
      clashedTitle: null,
      reloading: false,
    });
    expect(state.base).toMatchObject({ version: 7, body: '<p>seven</p>', by: 'Robin' });
  });

  it('reloadFailed: shows an AppError, nothing for anything else', () => {
    const reloading = editorReducer(loaded(page, page.body), { type: 'reloadStarted' });
    const error = new AppError('confluence_unavailable');
    expect(editorReducer(reloading, { type: 'reloadFailed', error })).toMatchObject({
      saveError: error,
      reloading: false,
    });
    expect(
      editorReducer(reloading, { type: 'reloadFailed', error: new Error('x') }).saveError,
    ).toBeNull();
  });

  it('draftRestored: a draft written on an older version is saved against that version', () => {
    const draft = { pageId: '42', baseVersion: 4, body: '<p>mine</p>', title: 'Mine', savedAt: 1 };
    const older = editorReducer(loaded(page, page.body), { type: 'draftRestored', draft });
    expect(older).toMatchObject({ body: '<p>mine</p>', title: 'Mine', baseOverride: 4 });
    expect(baseVersionOf(older)).toBe(4);
    const current = editorReducer(loaded(page, page.body), {
      type: 'draftRestored',
      draft: { ...draft, baseVersion: 5 },
    });
    expect(current.baseOverride).toBeNull();
  });

  it('versionLoaded: closes the history and puts the old text in the editor', () => {
    const open = editorReducer(loaded(page, page.body), {
      type: 'dialogOpened',
      dialog: { kind: 'history' },
    });
    const state = editorReducer(open, {
      type: 'versionLoaded',
      version: { number: 2, body: '<p>two</p>' },
    });
    expect(state).toMatchObject({
      dialog: null,
      body: '<p>two</p>',
      notice: 'Version 2 is in the editor: save to make it the newest version.',
    });
    expect(state.base.version).toBe(5);
  });

  it('saveStarted clears the last attempt’s messages and closes the panel', () => {
    const state = editorReducer(
      {
        ...busyState(),
        saveError: new AppError('offline'),
        notice: 'x',
        verification: { ok: true, text: 'Saved and verified v5.' },
        dialog: { kind: 'save', body: '<p>six</p>', lines: { added: 1, removed: 1, exact: true } },
      },
      { type: 'saveStarted' },
    );
    expect(state).toMatchObject({
      dialog: null,
      saveError: null,
      saveProblems: null,
      verification: null,
      notice: '',
    });
  });

  it('drops "Saved and verified" once the text changes, but keeps a mismatch until dismissed', () => {
    const saved = { ...loaded(page, '<p>five</p>'), body: '<p>six</p>' };
    const verified = { ...saved, verification: { ok: true, text: 'Saved and verified v6.' } };
    expect(editorReducer(verified, { type: 'edited', body: '<p>six</p>' }).verification).toEqual(
      verified.verification,
    );
    expect(editorReducer(verified, { type: 'edited', body: '<p>seven</p>' }).verification).toBe(
      null,
    );
    const mismatch = { ...saved, verification: { ok: false, text: 'Saved v6, but it differs.' } };
    expect(editorReducer(mismatch, { type: 'edited', body: '<p>seven</p>' }).verification).toEqual(
      mismatch.verification,
    );
  });

  it('never hides both the editor and the preview', () => {
    const noEditor = editorReducer(loaded(page, page.body), {
      type: 'paneToggled',
      pane: 'editor',
    });
    expect(noEditor.panes).toEqual({ editor: false, preview: true });
    expect(editorReducer(noEditor, { type: 'paneToggled', pane: 'preview' }).panes).toEqual({
      editor: false,
      preview: true,
    });
  });
});
