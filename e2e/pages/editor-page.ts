import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

import { draftKey } from '../../components/page-editor/page-draft';
import { EXTERNAL_IMAGES_KEY } from '../../lib/preview/preview-settings';
import { readStored, writeStored } from './browser-storage';
import { type DemoPerson, type Flavour, LoginPage } from './login-page';
import { previewFrame } from './preview-frame';

export interface OpenOptions {
  untilSaved?: boolean;
}

/** A file as Playwright hands it to an input: name, type and bytes. */
export interface FileToAttach {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Who signs in before the page opens (Demo User on Data Center unless told). */
export interface SignInAndOpenOptions extends OpenOptions {
  person?: DemoPerson;
  flavour?: Flavour;
}

/** The demo page most editor specs work on (space DEMO, version 3 after a reset). */
export const SANDBOX_ID = '9470040';

/**
 * The page editor (`/pages/[id]`): its Monaco, toolbar, save panel, status bar and preview, and
 * what it keeps in this browser (the page's local draft, the external-images choice).
 */
export class EditorPage {
  constructor(
    readonly page: Page,
    readonly appUrl: string,
  ) {}

  /** Where the page's local draft is kept. */
  static draftKey(id: string): string {
    return draftKey(id);
  }

  /** Signs in with a demo account (Demo User on Data Center by default), then opens the page. */
  async signInAndOpen(
    id = SANDBOX_ID,
    { person, flavour, ...options }: SignInAndOpenOptions = {},
  ): Promise<void> {
    await new LoginPage(this.page, this.appUrl).signInAsDemo(person, flavour);
    await this.open(id, options);
  }

  /**
   * Opens a page with no local draft left over and waits for Monaco; with `untilSaved`, also for
   * the status bar's "Saved vN" (the journeys count versions from there).
   */
  async open(id = SANDBOX_ID, { untilSaved = false }: OpenOptions = {}): Promise<void> {
    await this.setStoredDraft(id, null);
    await this.page.goto(`${this.appUrl}/pages/${id}`);
    await expect(this.page.locator('.monaco-editor')).toBeVisible();
    if (untilSaved) await expect(this.saveState).toHaveText(/^Saved v\d+$/);
  }

  /** The page's own editor (not a diff editor inside a dialog). */
  get editor(): Locator {
    return this.page
      .locator('.monaco-editor')
      .filter({ has: this.page.getByRole('textbox', { name: /^Storage format source of / }) });
  }

  /**
   * Puts the keyboard in the editor. Focus, not a click: a click aims at the middle of Monaco's
   * line layer, which after scrolling a long page may sit under the toolbar.
   */
  async focusEditor(): Promise<void> {
    await this.editor.getByRole('textbox', { name: /^Storage format source of / }).focus();
  }

  private async moveTo(where: 'start' | 'end'): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press(where === 'end' ? 'ControlOrMeta+End' : 'ControlOrMeta+Home');
    if (where === 'end') await this.page.keyboard.press('End');
  }

  /** Appends a paragraph at the end of the body as one insertion (no auto-closing on the way). */
  async appendParagraph(text: string): Promise<void> {
    await this.moveTo('end');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.insertText(`<p>${text}</p>`);
  }

  /** Inserts a paragraph as the first line of the body. */
  async prependParagraph(text: string): Promise<void> {
    await this.moveTo('start');
    await this.page.keyboard.insertText(`<p>${text}</p>\n`);
  }

  /** Types `text` at the end of the body key by key (real keystrokes, so auto-closing runs). */
  async typeAtEnd(text: string): Promise<void> {
    await this.moveTo('end');
    await this.page.keyboard.type(text);
  }

  /** Replaces the whole body as one insertion. */
  async replaceText(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** A new paragraph at the end: the tags as one insertion, then `text` key by key inside them. */
  async typeParagraphAtEnd(text: string): Promise<void> {
    await this.moveTo('end');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.insertText('<p></p>');
    for (let i = 0; i < '</p>'.length; i++) await this.page.keyboard.press('ArrowLeft');
    await this.page.keyboard.type(text);
  }

  /**
   * Replaces the first line with `text`: Monaco's "Delete Line" (the whole line, however it
   * wraps), then one insertion.
   */
  async replaceFirstLine(text: string): Promise<void> {
    await this.moveTo('start');
    await this.page.keyboard.press('ControlOrMeta+Shift+K');
    await this.page.keyboard.insertText(`${text}\n`);
  }

  /**
   * Whether the editor holds `text` near its start or its end (Monaco draws only the visible
   * lines, so the cursor goes there first).
   */
  async expectToShow(text: string, where: 'start' | 'end' = 'end'): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press(where === 'end' ? 'ControlOrMeta+End' : 'ControlOrMeta+Home');
    await expect(this.editor.locator('.view-lines')).toContainText(text);
  }

  /** "Saved v3", "Unsaved changes", "Saving…", "Conflict". */
  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  toolbarButton(name: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Page tools' })
      .getByRole('button', { name, exact: true });
  }

  get savePanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Save page' });
  }

  /** Save → the panel → its own Save button; the panel closes (a conflict opens another dialog). */
  async saveThroughPanel(): Promise<void> {
    await this.toolbarButton('Save').click();
    await expect(this.savePanel).toBeVisible();
    await this.panelSaveButton.click();
    await expect(this.savePanel).toHaveCount(0);
  }

  /** Save → the panel says why it will not save, and its own Save button is disabled. */
  async expectSaveRefused(reason: string): Promise<void> {
    await this.toolbarButton('Save').click();
    await expect(this.savePanel).toContainText(reason);
    await expect(this.panelSaveButton).toBeDisabled();
  }

  /** The panel's own Save button (the toolbar's opens the panel). */
  get panelSaveButton(): Locator {
    return this.savePanel.getByRole('button', { name: 'Save', exact: true });
  }

  /**
   * Save → the panel with "Minor edit" ticked or not → its own Save button. It does not wait for
   * the panel to close: a refused minor edit answers with an alert instead.
   */
  async saveWithMinorEdit(minor: boolean): Promise<void> {
    await this.toolbarButton('Save').click();
    await expect(this.savePanel).toBeVisible();
    await this.minorEditBox.setChecked(minor);
    await this.panelSaveButton.click();
  }

  get minorEditBox(): Locator {
    return this.savePanel.getByLabel(/Minor edit/);
  }

  /** The notice shown up front when Confluence will not take a save from this person. */
  get readOnlyNotice(): Locator {
    return this.page.getByRole('region', { name: 'Read-only page' });
  }

  get preview(): FrameLocator {
    return previewFrame(this.page);
  }

  /** "Instant preview — approximate", "Confluence rendering — exact · fetched …". */
  get previewLabel(): Locator {
    return this.page.getByTestId('preview-label');
  }

  /** Switches the preview to Confluence's own rendering and waits until it has been fetched. */
  async showExactPreview(): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Preview mode' })
      .getByLabel('Confluence')
      .check();
    await expect(this.previewLabel).toContainText('Confluence rendering — exact');
    await expect(this.previewLabel).toContainText('fetched');
  }

  /** The page's labels, each a chip with its "Remove label …" button. */
  get labelList(): Locator {
    return this.page.getByRole('list', { name: 'Labels of this page' });
  }

  get addLabelField(): Locator {
    return this.page.getByLabel('Add label');
  }

  /** Types a label into "Add label" and adds it with Enter. */
  async addLabel(name: string): Promise<void> {
    await this.addLabelField.fill(name);
    await this.addLabelField.press('Enter');
  }

  removeLabelButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Remove label ${name}` });
  }

  /** The attachments table (name, size, version); absent while the page has none. */
  get attachmentsTable(): Locator {
    return this.page.getByRole('table', { name: 'Attachments' });
  }

  /** Picks a file in "Attach file", as the file chooser would. */
  async attachFile(file: FileToAttach): Promise<void> {
    await this.page.getByLabel('Attach file').setInputFiles(file);
  }

  /** Drops a file onto the editor's text, as one dragged from the desktop would be. */
  async dropFile(file: FileToAttach): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ base64, name, mimeType }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], name, { type: mimeType }));
        return data;
      },
      { base64: file.buffer.toString('base64'), name: file.name, mimeType: file.mimeType },
    );
    const target = this.editor.locator('.view-lines');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Pastes a file at the start of the body, as a screenshot copied to the clipboard would be. */
  async pasteFileAtStart(file: FileToAttach): Promise<void> {
    await this.moveTo('start');
    await this.editor
      .locator('textarea, .native-edit-context')
      .first()
      .evaluate(
        (element, { base64, name, mimeType }) => {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const data = new DataTransfer();
          data.items.add(new File([bytes], name, { type: mimeType }));
          element.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        },
        { base64: file.buffer.toString('base64'), name: file.name, mimeType: file.mimeType },
      );
  }

  /** The header's trail of ancestors, each a link. */
  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' });
  }

  /** "New page" → the dialog that creates a child of the open page. */
  async openNewPageDialog(parentTitle: string): Promise<Locator> {
    await this.toolbarButton('New page').click();
    return this.page.getByRole('dialog', { name: `New page under “${parentTitle}”` });
  }

  /** "Move" → the dialog that picks a new parent for the open page. */
  async openMoveDialog(title: string): Promise<Locator> {
    await this.toolbarButton('Move').click();
    return this.page.getByRole('dialog', { name: `Move “${title}”` });
  }

  /** Opens the "Page tree" panel and returns its tree of pages around this one. */
  async showPageTree(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Page tree' }).click();
    return this.page.getByRole('navigation', { name: 'Pages around this one' });
  }

  /** The page's local draft as stored (JSON), or null. */
  storedDraft(id = SANDBOX_ID): Promise<string | null> {
    return readStored(this.page, draftKey(id));
  }

  async setStoredDraft(id: string, draft: string | null): Promise<void> {
    await writeStored(this.page, draftKey(id), draft);
  }

  /** Forgets "Load external images", so the preview starts with them blocked. */
  async forgetExternalImagesChoice(): Promise<void> {
    await writeStored(this.page, EXTERNAL_IMAGES_KEY, null);
  }
}

/** Console errors that are not app errors: the HTTP status of an expected failed save (409, 429). */
export function appErrors(errors: string[]): string[] {
  return errors.filter((message) => !/status of (409|429)/.test(message));
}
