import { GuardedLink } from './guarded-link';
import { HeaderSession } from './header-session';
import { ThemeSwitch } from './theme-switch';

/** The bar on every page: home, the Scratchpad, the theme switch, and who is signed in. */
export function AppHeader() {
  return (
    <header className="app-header">
      <GuardedLink href="/" className="app-name">
        Pagewright
      </GuardedLink>
      <nav aria-label="Main" className="app-nav">
        <GuardedLink href="/scratch">Scratchpad</GuardedLink>
      </nav>
      <ThemeSwitch />
      <HeaderSession />
    </header>
  );
}
