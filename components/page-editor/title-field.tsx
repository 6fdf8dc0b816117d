'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';

import { suggestFreeTitle } from '@/lib/pages/free-title';
import { SAVE_MESSAGES } from '@/lib/errors';
import { fetchJson } from '@/lib/http/fetch-json';

import styles from './page-editor.module.css';

const TITLE_CHECK_DELAY_MS = 400;

interface TitleCheckAnswer {
  free: boolean;
  isThisPage: boolean;
  clash: { id: string; title: string; status: string } | null;
}

export interface TitleCheck {
  /** Another page in the space has this title (checked, or refused by Confluence on save). */
  taken: boolean;
  /** What the status line under the field says. */
  status: string;
}

/**
 * Whether a new title is free in the space: asked (debounced) while typing, so a clash shows
 * before saving. `clashedTitle` is a title Confluence itself refused on the last save.
 */
export function useTitleCheck(
  pageId: string,
  spaceKey: string,
  title: string,
  baseTitle: string,
  clashedTitle: string | null,
): TitleCheck {
  const [checkedTitle, setCheckedTitle] = useState(title);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedTitle(title), TITLE_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [title]);
  const check = useQuery({
    queryKey: ['title-check', pageId, spaceKey, checkedTitle],
    queryFn: ({ signal }) =>
      fetchJson<TitleCheckAnswer>(
        `/api/pages/${encodeURIComponent(pageId)}/title-check?${new URLSearchParams({
          title: checkedTitle,
          spaceKey,
        })}`,
        { signal },
      ),
    enabled: checkedTitle !== '' && checkedTitle !== baseTitle,
  });
  const changed = title !== '' && title !== baseTitle;
  const current = changed && checkedTitle === title;
  const taken = (current && check.data?.free === false) || clashedTitle === title;
  const status =
    title === ''
      ? SAVE_MESSAGES.titleRequired
      : taken
        ? SAVE_MESSAGES.titleClash(title, spaceKey)
        : current && check.data?.free
          ? 'Title is free'
          : current && check.error
            ? check.error.message
            : '';
  return { taken, status };
}

/**
 * A free title close to a taken one ("Roadmap (2)"…), offered as one click: the one the server
 * sent with Confluence's refusal when there is one, else asked here through the title check.
 */
export function useTitleSuggestion(
  pageId: string,
  spaceKey: string,
  title: string,
  taken: boolean,
  serverSuggestion: { title: string; suggestion: string } | null,
): string | null {
  const fromServer = serverSuggestion?.title === title ? serverSuggestion.suggestion : null;
  const asked = useQuery({
    queryKey: ['title-suggestion', pageId, spaceKey, title],
    queryFn: ({ signal }) =>
      suggestFreeTitle(title, async (candidate) => {
        const answer = await fetchJson<TitleCheckAnswer>(
          `/api/pages/${encodeURIComponent(pageId)}/title-check?${new URLSearchParams({
            title: candidate,
            spaceKey,
          })}`,
          { signal },
        );
        return answer.free || answer.isThisPage;
      }),
    enabled: taken && fromServer === null && title !== '',
    staleTime: 30_000,
  });
  if (!taken) return null;
  return fromServer ?? asked.data ?? null;
}

export interface TitleFieldProps {
  value: string;
  onChange: (value: string) => void;
  check: TitleCheck;
  /** A free title to offer while this one is taken. */
  suggestion?: string | null;
}

/** The page title input with its live status (empty, taken, free) and a free title to use. */
export function TitleField({ value, onChange, check, suggestion = null }: TitleFieldProps) {
  const id = useId();
  const statusId = `${id}-status`;
  const invalid = check.taken || value.trim() === '';
  return (
    <div className={styles.titleRow}>
      <label htmlFor={id}>Title</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={255}
        spellCheck
        aria-invalid={invalid ? true : undefined}
        aria-describedby={statusId}
      />
      <span id={statusId} className={styles.titleStatus} role="status">
        {check.status}
      </span>
      {suggestion && (
        <button type="button" className="button" onClick={() => onChange(suggestion)}>
          Use “{suggestion}”
        </button>
      )}
    </div>
  );
}
