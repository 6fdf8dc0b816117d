import { describe, expect, it } from 'vitest';

import {
  DEFAULT_EDITOR_PREFERENCES,
  readEditorPreferences,
  writeEditorPreferences,
} from './editor-preferences';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('editor preferences', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const chosen = { wordWrap: false, minimap: true, saveFormatted: true };
    writeEditorPreferences(storage, chosen);
    expect(readEditorPreferences(storage)).toEqual(chosen);
  });

  it('falls back to the defaults for missing, malformed or foreign values', () => {
    const storage = memoryStorage();
    expect(readEditorPreferences(storage)).toEqual(DEFAULT_EDITOR_PREFERENCES);
    expect(readEditorPreferences(null)).toEqual(DEFAULT_EDITOR_PREFERENCES);
    storage.setItem('pagewright:editor-preferences', '{not json');
    expect(readEditorPreferences(storage)).toEqual(DEFAULT_EDITOR_PREFERENCES);
    storage.setItem(
      'pagewright:editor-preferences',
      JSON.stringify({ minimap: 'yes', saveFormatted: true, extra: 1 }),
    );
    expect(readEditorPreferences(storage)).toEqual({
      ...DEFAULT_EDITOR_PREFERENCES,
      saveFormatted: true,
    });
  });

  it('survives a storage that refuses writes', () => {
    const refusing = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writeEditorPreferences(refusing, DEFAULT_EDITOR_PREFERENCES)).not.toThrow();
  });
});
