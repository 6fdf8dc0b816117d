import { describe, expect, it } from 'vitest';

import { AppError, messageFor } from '@/lib/errors';
import { viewOf } from '@/lib/pages/page-view';
import type { Page } from '@/lib/queries/pages';

import {
  baseVersionOf,
  baseViewTextOf,
  editorReducer,
  type EditorState,
  loaded,
} from './editor-state';
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
    text: '<p>six</p>',
    message: 'why',
    minorEdit: true,
    base: { title: 'Sandbox', body: '<p>five</p>' },
    fromMerge: false,
    ...change,
  };
}

/** A page edited for a while: text typed, a refused title, a comment, a draft on an old base… */
function busyState(): EditorState {
  let state = loaded(page);
  state = editorReducer(state, { type: 'edited', body: '<p>six</p>' });
  state = editorReducer(state, { type: 'messageChanged', message: 'why' });
  state = editorReducer(state, { type: 'minorEditChanged', minorEdit: true });
  state = editorReducer(state, {
    type: 'draftRestored',
    draft: { pageId: '42', baseVersion: 3, body: '<p>old</p>', title: 'Taken', savedAt: 1 },
    text: '<p>old</p>',
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
    const state = loaded(page, { ...viewOf(page.body), text: '<p>\n  five\n</p>' });
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
      view: viewOf('<p>old</p>'),
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
      view: viewOf('<p>merged</p>'),
    });
    expect(state).toMatchObject({ body: '<p>merged</p>', title: 'Merged' });
    expect(state.verification).toEqual({
      ok: false,
      text: 'Saved v8, but the page could not be read back to verify it.',
    });
  });

  it('saveFailed: a title clash marks the title and keeps the server’s free title', () => {
    const state = editorReducer(loaded(page), {
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

  it('saveFailed: invalid_storage becomes translated problems for the text shown', () => {
    const sent = '<p>Line<br>break</p><p>two</p>';
    const shown = '<p>Line<br>break</p>\n<p>two</p>';
    const state = editorReducer(loaded(page), {
      type: 'saveFailed',
      error: new AppError('invalid_storage', undefined, {
        diagnostics: [{ line: 1, column: 8, message: 'x' }],
      }),
      request: request({ body: sent, text: shown }),
    });
    expect(state.saveProblems?.body).toBe(shown);
    expect(state.saveProblems?.problems[0]).toMatchObject({ line: 1 });
    expect(state.saveError).toBeNull();
  });

  it.each([new AppError('invalid_storage'), new AppError('confluence_forbidden')])(
    'saveFailed: $code with nothing to translate shows the error itself',
    (error) => {
      const state = editorReducer(loaded(page), {
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
      { ...loaded(page), saveError: new AppError('offline') },
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
    state = editorReducer(state, { type: 'reloaded', page: theirs, view: viewOf(theirs.body) });
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
    const reloading = editorReducer(loaded(page), { type: 'reloadStarted' });
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
    const older = editorReducer(loaded(page), {
      type: 'draftRestored',
      draft,
      text: draft.body,
    });
    expect(older).toMatchObject({ body: '<p>mine</p>', title: 'Mine', baseOverride: 4 });
    expect(baseVersionOf(older)).toBe(4);
    const current = editorReducer(loaded(page), {
      type: 'draftRestored',
      draft: { ...draft, baseVersion: 5 },
      text: draft.body,
    });
    expect(current.baseOverride).toBeNull();
  });

  it('versionLoaded: closes the history and puts the old text in the editor', () => {
    const open = editorReducer(loaded(page), {
      type: 'dialogOpened',
      dialog: { kind: 'history' },
    });
    const state = editorReducer(open, {
      type: 'versionLoaded',
      version: { number: 2, body: '<p>two</p>' },
      view: viewOf('<p>two</p>'),
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
        dialog: {
          kind: 'save',
          body: '<p>six</p>',
          text: '<p>six</p>',
          lines: { added: 1, removed: 1, exact: true },
        },
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
    const saved = { ...loaded(page), body: '<p>six</p>' };
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
    const noEditor = editorReducer(loaded(page), {
      type: 'paneToggled',
      pane: 'editor',
    });
    expect(noEditor.panes).toEqual({ editor: false, preview: true });
    expect(editorReducer(noEditor, { type: 'paneToggled', pane: 'preview' }).panes).toEqual({
      editor: false,
      preview: true,
    });
  });

  describe('a page stored on one line', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>cell ${i}</td></tr>`).join('');
    const oneLine: Page = { ...page, body: `<h1>T</h1><table><tbody>${rows}</tbody></table>` };

    it('opens laid out, and keeps the view of the stored body it shows', () => {
      const state = loaded(oneLine);
      expect(state.view.laidOut).toBe(true);
      expect(state.view.original).toBe(oneLine.body);
      expect(state.body).toBe(state.view.text);
      expect(state.body.split('\n').length).toBeGreaterThan(12);
      expect(baseViewTextOf(state)).toBe(state.view.text);
    });

    it('a restored version becomes the view: saving it starts from its stored bytes', () => {
      const old = oneLine.body.replace('cell 3', 'old 3');
      const state = editorReducer(loaded(oneLine), {
        type: 'versionLoaded',
        version: { number: 2, body: old },
        view: viewOf(old),
      });
      expect(state.view.original).toBe(old);
      expect(state.body).toBe(viewOf(old).text);
      // "Changes since version 5" still compares with the base, laid out like the view.
      expect(baseViewTextOf(state)).toBe(viewOf(oneLine.body).text);
      expect(state.base.body).toBe(oneLine.body);
    });

    it('reloaded and saved from a merge: the editor shows the new stored body laid out', () => {
      const theirs = { ...oneLine, body: oneLine.body.replace('cell 1', 'theirs 1') };
      const reloaded = editorReducer(loaded(oneLine), {
        type: 'reloaded',
        page: theirs,
        view: viewOf(theirs.body),
      });
      expect(reloaded.view.original).toBe(theirs.body);
      expect(reloaded.body).toBe(viewOf(theirs.body).text);
      const merged = editorReducer(loaded(oneLine), {
        type: 'saved',
        result: { version: 7, recovered: false },
        request: request({ body: theirs.body, fromMerge: true }),
        when: 'now',
        by: 'Demo User',
        view: viewOf(theirs.body),
      });
      expect(merged.body).toBe(viewOf(theirs.body).text);
      expect(merged.view.original).toBe(theirs.body);
    });
  });
});
