'use client';

import { type KeyboardEvent, type Ref, useId, useState } from 'react';

import type { TitleMatch } from '@/lib/queries/navigation-types';
import { useTitleSearch } from '@/lib/queries/title-search';

import styles from './title-combobox.module.css';

export interface TitleComboboxProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** A suggested page was chosen (Enter on the active option, or a click). */
  onPick: (match: TitleMatch) => void;
  /** Only this space (the move dialog); every visible space otherwise. */
  spaceKey?: string;
  /** Offer Cloud folders too (a folder may be a new parent). */
  folders?: boolean;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A text field that offers pages by title from two typed characters (ARIA 1.2 combobox with a
 * listbox): Arrow keys move through the options (`aria-activedescendant`, focus stays in the
 * field), Enter picks (or, with none chosen, the one offered page whose title is exactly what was
 * typed), Escape closes. Otherwise Enter submits the surrounding form.
 */
export function TitleCombobox({
  id,
  value,
  onChange,
  onPick,
  spaceKey,
  folders,
  placeholder,
  describedBy,
  invalid,
  inputRef,
}: TitleComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(-1);
  const search = useTitleSearch(value, { spaceKey, folders, enabled: open });
  const options = open ? search.results : [];
  const expanded = options.length > 0;
  const statusId = `${listId}-status`;

  const pick = (match: TitleMatch) => {
    setOpen(false);
    setActive(-1);
    onPick(match);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) setOpen(true);
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((old) => (old + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Enter' && expanded && active < 0) {
      // A typed title that names exactly one offered page opens it, as if chosen.
      const typed = value.trim().toLowerCase();
      const exact = options.filter((match) => match.title.trim().toLowerCase() === typed);
      if (exact.length === 1) {
        event.preventDefault();
        pick(exact[0]!);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = search.loading
    ? 'Searching titles…'
    : search.error
      ? 'Title search is not available right now.'
      : expanded
        ? `${options.length} page${options.length === 1 ? '' : 's'} found: use the arrow keys to choose.`
        : '';

  return (
    <div className={styles.wrap}>
      <input
        id={id}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[describedBy, statusId].filter(Boolean).join(' ')}
        aria-invalid={invalid ? true : undefined}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(-1)}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Pages"
        className={styles.listbox}
        hidden={!expanded}
      >
        {options.map((match, index) => (
          <li
            key={match.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={styles.option}
            // Mouse down, not click: the field keeps focus and the pick happens before blur.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(match);
            }}
          >
            <span>
              {match.kind === 'folder' ? <span className={styles.kind}>Folder</span> : null}
              {match.title}
            </span>
            <span className={styles.space}>{match.spaceName || match.spaceKey}</span>
          </li>
        ))}
      </ul>
      <span id={statusId} className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
