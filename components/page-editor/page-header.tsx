'use client';

import Link from 'next/link';
import type { MouseEvent } from 'react';

import type { Page } from '@/lib/queries/pages';

import type { Base } from './editor-state';
import styles from './page-editor.module.css';
import { type TitleCheck, TitleField } from './title-field';

export interface PageHeaderProps {
  page: Pick<Page, 'spaceKey' | 'ancestors'>;
  base: Base;
  headingId: string;
  /** For the breadcrumb's links: keeps the draft and asks before leaving with unsaved changes. */
  onLeave: (event: MouseEvent<HTMLAnchorElement>) => void;
  title: string;
  onTitleChange: (title: string) => void;
  titleCheck: TitleCheck;
  /** A free title close to a taken one, offered as one click. */
  titleSuggestion: string | null;
}

/** Where the page sits, the saved title and version, and the title being edited. */
export function PageHeader({
  page,
  base,
  headingId,
  onLeave,
  title,
  onTitleChange,
  titleCheck,
  titleSuggestion,
}: PageHeaderProps) {
  return (
    <header className={styles.header}>
      <nav aria-label="Breadcrumb">
        <ol className={styles.breadcrumb}>
          <li>{page.spaceKey}</li>
          {page.ancestors.map((ancestor) => (
            <li key={ancestor.id}>
              {ancestor.kind === 'folder' ? (
                // A Cloud folder has no page to open: named, not linked.
                <span>{ancestor.title} (folder)</span>
              ) : (
                <Link href={`/pages/${encodeURIComponent(ancestor.id)}`} onClick={onLeave}>
                  {ancestor.title}
                </Link>
              )}
            </li>
          ))}
          <li aria-current="page">{base.title}</li>
        </ol>
      </nav>
      <div className={styles.headingRow}>
        <h1 id={headingId} className={styles.heading}>
          {base.title}
        </h1>
        <p className={styles.version}>
          Version {base.version} by {base.by}
        </p>
      </div>
      <TitleField
        value={title}
        onChange={onTitleChange}
        check={titleCheck}
        suggestion={titleSuggestion}
      />
    </header>
  );
}
