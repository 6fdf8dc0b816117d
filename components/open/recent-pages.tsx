'use client';

import Link from 'next/link';
import { useRef } from 'react';

import { clearRecentPages, useRecentPages } from '@/lib/queries/recent-pages';

import { formatWhen } from './format-when';
import { useNow } from './use-now';

/** "Recently opened", from this browser's localStorage; titles are React text only (XSS-8). */
export function RecentPages() {
  const pages = useRecentPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  return (
    <section className="panel" aria-labelledby="recent-title">
      <div className="section-head">
        <h2 id="recent-title" ref={headingRef} tabIndex={-1}>
          Recently opened
        </h2>
        {pages.length > 0 ? (
          <button
            type="button"
            className="button button-quiet"
            aria-label="Clear recent pages"
            onClick={() => {
              clearRecentPages();
              // The button disappears with the list: keep focus in this section, not on <body>.
              headingRef.current?.focus();
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
      {pages.length === 0 ? (
        <p className="hint">Pages you open appear here.</p>
      ) : (
        <ul className="recent-list">
          {pages.map((page) => (
            <li key={page.id}>
              {/* No prefetch: ten editor payloads nobody may open are not worth fetching. */}
              <Link href={`/pages/${page.id}`} className="recent-title" prefetch={false}>
                {page.title || `Page ${page.id}`}
              </Link>
              <span className="recent-meta">
                <span className="space-key">{page.spaceKey}</span>
                <time
                  dateTime={new Date(page.openedAt).toISOString()}
                  title={new Date(page.openedAt).toLocaleString()}
                >
                  {formatWhen(page.openedAt, now)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
