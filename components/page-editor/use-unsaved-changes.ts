'use client';

import { useEffect, useMemo, useState } from 'react';

import {
  type PageText,
  unsavedChangesAgainst,
  unsavedWithoutParsing,
} from '@/lib/editor/save-checks';

/**
 * How long typing must pause before the text is compared canonically with the loaded version:
 * the comparison parses the whole body, about as long as a keystroke's whole budget on a 1 MB
 * page, so it runs once per pause instead of once per key.
 */
export const UNSAVED_CHECK_QUIET_MS = 300;

interface Checked extends PageText {
  check: (next: PageText) => boolean;
  dirty: boolean;
}

/**
 * "Unsaved changes" (save-checks.ts hasUnsavedChanges) for the text being edited. Exact at once
 * where it is cheap (a changed title; the loaded text itself; a text already compared) and for a
 * new loaded version, and otherwise true until the canonical comparison has run after a pause in
 * typing: a text that differs from the loaded one is treated as unsaved (the leave guard, the
 * draft) until shown to mean the same.
 */
export function useUnsavedChanges(
  loaded: PageText,
  current: PageText,
  /** The loaded body laid out for editing (see unsavedChangesAgainst), if it was. */
  laidOut?: string,
): boolean {
  const { title: loadedTitle, body: loadedBody } = loaded;
  const { title, body } = current;
  const check = useMemo(
    () => unsavedChangesAgainst({ title: loadedTitle, body: loadedBody }, laidOut),
    [loadedTitle, loadedBody, laidOut],
  );
  // The text the page opened with is answered at once (as it was loaded, or laid out: no parse).
  const [checked, setChecked] = useState<Checked>(() => ({
    check,
    title,
    body,
    dirty: check({ title, body }),
  }));
  // A new loaded version (a save, a merge, a reload) is compared at once too: right after a save
  // the text must not show as unsaved while a pause is awaited.
  let latest = checked;
  if (checked.check !== check) {
    latest = { check, title, body, dirty: check({ title, body }) };
    setChecked(latest);
  }
  const upToDate = latest.body === body && latest.title === title;
  useEffect(() => {
    if (upToDate) return;
    const timer = setTimeout(
      () => setChecked({ check, title, body, dirty: check({ title, body }) }),
      UNSAVED_CHECK_QUIET_MS,
    );
    return () => clearTimeout(timer);
  }, [upToDate, check, title, body]);

  if (upToDate) return latest.dirty;
  const known = unsavedWithoutParsing(loaded, current, laidOut);
  if (known !== null) return known;
  // Only the title changed since the last comparison: its answer for the body still holds.
  if (latest.body === body) return latest.dirty;
  return true;
}
