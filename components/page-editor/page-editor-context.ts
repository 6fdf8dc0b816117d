import type { Dispatch, RefObject } from 'react';

import type { StorageEditorApi } from '@/components/editor/storage-editor';
import type { Page } from '@/lib/queries/pages';

import type { EditorAction, EditorState } from './editor-state';
import type { Drafts } from './use-drafts';

/** What the page editor's hooks and parts share: the page, its state, and the editor itself. */
export interface PageEditorContext {
  page: Page;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  /** The Monaco editor, whose text is newer than `state.body` while typing. */
  apiRef: RefObject<StorageEditorApi | null>;
  /** Puts text the app chose (merge, reload, draft, history) into the editor and the preview. */
  showText: (text: string) => void;
  drafts: Drafts;
  /** The title field's text, trimmed: what a save would send. */
  trimmedTitle: string;
}
