import { describe, expect, it } from 'vitest';

import { isThemeChoice, resolveAppTheme, THEME_BOOT_SCRIPT } from './theme-choice';

function runBootScript(stored: string | null | Error): string | null {
  const attributes = new Map<string, string>();
  const localStorage = {
    getItem: () => {
      if (stored instanceof Error) throw stored;
      return stored;
    },
  };
  const document = {
    documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
  };
  new Function('localStorage', 'document', THEME_BOOT_SCRIPT)(localStorage, document);
  return attributes.get('data-theme') ?? null;
}

describe('theme choice', () => {
  it('resolves system from the media query and keeps a manual choice', () => {
    expect(resolveAppTheme('system', true)).toBe('dark');
    expect(resolveAppTheme('system', false)).toBe('light');
    expect(resolveAppTheme('light', true)).toBe('light');
    expect(resolveAppTheme('dark', false)).toBe('dark');
  });

  it('accepts only the three choices', () => {
    expect(['system', 'light', 'dark'].every(isThemeChoice)).toBe(true);
    expect(isThemeChoice('Dark')).toBe(false);
    expect(isThemeChoice(null)).toBe(false);
  });

  it('the pre-paint script copies a stored light/dark choice onto <html> and ignores the rest', () => {
    expect(runBootScript('dark')).toBe('dark');
    expect(runBootScript('light')).toBe('light');
    expect(runBootScript('system')).toBeNull();
    expect(runBootScript('"><script>')).toBeNull();
    expect(runBootScript(null)).toBeNull();
    expect(runBootScript(new Error('storage disabled'))).toBeNull();
  });
});
