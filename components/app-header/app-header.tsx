import Link from 'next/link';

import { HeaderSession } from './header-session';
import { ThemeSwitch } from './theme-switch';

/** The bar on every page: home, the Scratchpad, the theme switch, and who is signed in. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="app-name">
        Pagewright
      </Link>
      <nav aria-label="Main" className="app-nav">
        <Link href="/scratch">Scratchpad</Link>
      </nav>
      <ThemeSwitch />
      <HeaderSession />
    </header>
  );
}
