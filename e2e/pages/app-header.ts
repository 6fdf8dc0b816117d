import type { Locator, Page } from '@playwright/test';

import { THEME_STORAGE_KEY } from '../../components/theme/theme-choice';
import { readStored, writeStored } from './browser-storage';

/** The header on every screen: the theme switch (kept in this browser) and Sign out. */
export class AppHeader {
  constructor(readonly page: Page) {}

  get themeSwitch(): Locator {
    return this.page.getByRole('banner').getByRole('combobox', { name: 'Theme' });
  }

  get signOutButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  }

  storedTheme(): Promise<string | null> {
    return readStored(this.page, THEME_STORAGE_KEY);
  }

  async forgetTheme(): Promise<void> {
    await writeStored(this.page, THEME_STORAGE_KEY, null);
  }
}
