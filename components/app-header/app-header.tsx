import Link from 'next/link';

import { HeaderSession } from './header-session';

/** The bar on every page: home, the Scratchpad, and who is signed in. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="app-name">
        Pagewright
      </Link>
      <nav aria-label="Main" className="app-nav">
        <Link href="/scratch">Scratchpad</Link>
      </nav>
      <HeaderSession />
    </header>
  );
}
