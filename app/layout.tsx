import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { AppHeader } from '@/components/app-header/app-header';
import { THEME_BOOT_SCRIPT } from '@/components/theme/theme-choice';

import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Pagewright', template: '%s · Pagewright' },
  description:
    'Edit Confluence pages as storage-format source, with a live preview and safe saves.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put this response's CSP nonce on its scripts.
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The boot script sets data-theme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* A manual theme choice applies before first paint (no light flash on a dark page).
            The script is a constant written by the app (no page data), run under this
            response's nonce; as text children React would entity-escape its quotes. */}
        {/* eslint-disable-next-line react/no-danger */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>
          <AppHeader />
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
