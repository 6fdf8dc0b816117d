'use client';

import { useSyncExternalStore } from 'react';

import { useSystemDark } from '@/components/editor/use-system-dark';

import {
  type AppTheme,
  isThemeChoice,
  resolveAppTheme,
  THEME_ATTRIBUTE,
  THEME_STORAGE_KEY,
  type ThemeChoice,
} from './theme-choice';

/**
 * The theme choice as an external store: localStorage is the source of truth, <html data-theme>
 * mirrors it for CSS, and other tabs follow through the `storage` event.
 */

const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function applyToDocument(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute(THEME_ATTRIBUTE);
  else root.setAttribute(THEME_ATTRIBUTE, choice);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyToDocument(readChoice());
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Stores the choice, re-themes the document at once and tells every subscriber. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage disabled: the choice still applies to this page.
  }
  applyToDocument(choice);
  for (const listener of listeners) listener();
}

/** The stored choice ('system' on the server and before hydration). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => 'system');
}

/** The theme in effect, 'light' | 'dark': for Monaco and the preview frame. */
export function useAppTheme(): AppTheme {
  return resolveAppTheme(useThemeChoice(), useSystemDark());
}
