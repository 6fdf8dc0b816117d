import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

import { SCRATCH_BODY_KEY } from '../../lib/editor/draft-store';
import { readStored, writeStored } from './browser-storage';
import { previewFrame } from './preview-frame';

/** The Scratchpad (`/scratch`): storage format checked and previewed without a session. */
export class ScratchpadPage {
  /** Where the Scratchpad keeps its text. */
  static readonly bodyKey = SCRATCH_BODY_KEY;

  constructor(
    readonly page: Page,
    readonly appUrl: string,
  ) {}

  /**
   * Opens the Scratchpad on `body`, seeded through the key the app itself reads (null: none
   * stored, so the built-in sample shows), and waits for Monaco.
   */
  async openWith(body: string | null): Promise<void> {
    await this.page.goto(`${this.appUrl}/scratch`);
    await this.setStoredBody(body);
    await this.page.reload();
    await expect(this.page.locator('.monaco-editor')).toBeVisible();
  }

  /** Replaces the editor's text as one paste-like insertion (no auto-closing on the way). */
  async replaceText(text: string): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** "0 errors", "1 error", … as the status bar counts them. */
  get errorCount(): Locator {
    return this.page.getByTestId('error-count');
  }

  toolbarButton(name: 'Validate' | 'Format'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get preview(): FrameLocator {
    return previewFrame(this.page);
  }

  /** The text the Scratchpad keeps in this browser (written 300 ms after the last change). */
  storedBody(): Promise<string | null> {
    return readStored(this.page, SCRATCH_BODY_KEY);
  }

  async setStoredBody(body: string | null): Promise<void> {
    await writeStored(this.page, SCRATCH_BODY_KEY, body);
  }
}
