import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pagewright', template: '%s · Pagewright' },
  description:
    'Edit Confluence pages as storage-format source, with a live preview and safe saves.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <span className="app-name">Pagewright</span>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
