import { expect, type Locator, type Page } from '@playwright/test';

import { RECENT_PAGES_KEY, type RecentPage } from '../../lib/queries/recent-pages';
import { readStored, writeStored } from './browser-storage';

/** The Open screen (`/`): open by id or URL, and the "Recently opened" list kept in this browser. */
export class OpenPage {
  constructor(
    readonly page: Page,
    readonly appUrl: string,
  ) {}

  get pageIdField(): Locator {
    return this.page.getByLabel('Page ID, URL or title');
  }

  get openButton(): Locator {
    return this.page.getByRole('button', { name: 'Open' });
  }

  /** The pages offered while a title is typed into the field. */
  get suggestions(): Locator {
    return this.page.getByRole('listbox', { name: 'Pages' });
  }

  /** Types into the field key by key, as a person would, so the type-ahead runs. */
  async typeInField(text: string): Promise<void> {
    await this.pageIdField.pressSequentially(text, { delay: 30 });
  }

  /** The offered page the keyboard is on (the field's aria-activedescendant). */
  async activeSuggestion(): Promise<Locator> {
    await expect(this.pageIdField).toHaveAttribute('aria-activedescendant', /.+/);
    const id = await this.pageIdField.getAttribute('aria-activedescendant');
    return this.page.locator(`[id="${id}"]`);
  }

  get recent(): Locator {
    return this.page.getByRole('region', { name: 'Recently opened' });
  }

  /** The stored list as the app wrote it (null when there is none). */
  storedRecentPages(): Promise<string | null> {
    return readStored(this.page, RECENT_PAGES_KEY);
  }

  /** Replaces the stored list (null: none); the app reads it on the next load. */
  async setRecentPages(pages: RecentPage[] | null): Promise<void> {
    await writeStored(this.page, RECENT_PAGES_KEY, pages && JSON.stringify(pages));
  }
}
