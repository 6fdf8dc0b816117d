/**
 * The page editor's preferences, remembered per browser: word wrap, minimap, and whether a save
 * writes the laid-out text. Settings only — never page text, never anything about the account.
 */
export interface EditorPreferences {
  wordWrap: boolean;
  minimap: boolean;
  /**
   * A save sends the text as the editor shows it (laid out, one block per line) instead of
   * carrying the edits back to the page's stored layout: Confluence's history then shows every
   * line of a one-line page changed. Off by default.
   */
  saveFormatted: boolean;
}

export const DEFAULT_EDITOR_PREFERENCES: EditorPreferences = {
  wordWrap: true,
  minimap: false,
  saveFormatted: false,
};

const KEY = 'pagewright:editor-preferences';

/** Reads the stored preferences; anything missing, malformed or from another version falls back. */
export function readEditorPreferences(storage: Pick<Storage, 'getItem'> | null): EditorPreferences {
  let stored: unknown = null;
  try {
    const raw = storage?.getItem(KEY);
    stored = raw ? JSON.parse(raw) : null;
  } catch {
    stored = null;
  }
  const out = { ...DEFAULT_EDITOR_PREFERENCES };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(out) as (keyof EditorPreferences)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'boolean') out[key] = value;
    }
  }
  return out;
}

export function writeEditorPreferences(
  storage: Pick<Storage, 'setItem'> | null,
  preferences: EditorPreferences,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Private mode or a full quota: the choice lasts for this visit only.
  }
}
