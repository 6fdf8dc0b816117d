/**
 * The app-wide theme choice, shared by the pre-paint script, the header switch and the hooks.
 * Pure: no React, no DOM access at import.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
export type AppTheme = 'light' | 'dark';

/** localStorage key of the choice (the Scratchpad used it before the switch moved to the header). */
export const THEME_STORAGE_KEY = 'pagewright:theme';

/** `<html data-theme="…">` carries the choice; globals.css resolves 'system' with a media query. */
export const THEME_ATTRIBUTE = 'data-theme';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The theme actually shown for a choice, given whether the system prefers dark. */
export function resolveAppTheme(choice: ThemeChoice, systemPrefersDark: boolean): AppTheme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The inline script run before first paint (app/layout.tsx puts it in <head> with the CSP nonce):
 * copies the stored choice onto <html>, so a dark page never flashes light. Self-contained (it
 * is serialised as text), and it tolerates storage being unavailable.
 */
export const THEME_BOOT_SCRIPT =
  `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `if(c==='light'||c==='dark'){document.documentElement.setAttribute(${JSON.stringify(THEME_ATTRIBUTE)},c);}}` +
  `catch(e){}})();`;
