import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { AppHeader } from '@/components/app-header/app-header';

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
  return (
    <html lang="en">
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
