'use client';

import { useState } from 'react';

import {
  type EditorPreferences,
  readEditorPreferences,
  writeEditorPreferences,
} from '@/lib/editor/editor-preferences';

/** The editor's view preferences, read once and written back on every change. */
export function useEditorPreferences(): [
  EditorPreferences,
  (change: Partial<EditorPreferences>) => void,
] {
  const [preferences, setPreferences] = useState<EditorPreferences>(() =>
    readEditorPreferences(typeof window === 'undefined' ? null : window.localStorage),
  );
  const choose = (change: Partial<EditorPreferences>) => {
    setPreferences((old) => {
      const next = { ...old, ...change };
      writeEditorPreferences(window.localStorage, next);
      return next;
    });
  };
  return [preferences, choose];
}
