import { expect, test } from './fixtures';
import { previewIframe } from './pages/preview-frame';

test.describe('Scratchpad', () => {
  test('Monaco loads from the app itself and is typeable, with auto-closing tags', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await expect(page.getByRole('heading', { name: 'Scratchpad', level: 1 })).toBeVisible();
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.type('<p>');
    await page.keyboard.press('Escape');
    await page.keyboard.type('Hello typed');
    await expect.poll(() => scratchpad.storedBody()).toBe('<p>Hello typed</p>');
    await expect(page.getByTestId('error-count')).toHaveText('0 errors');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('an error shows in the status bar and as a marker, and its quick fix clears it', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await scratchpad.replaceText('<p>a<br></p>');
    await expect(page.getByTestId('error-count')).toHaveText('1 error');
    await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
    // Validate moves the cursor to the first problem; the status bar names it.
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByText('Ln 1, Col 5')).toBeVisible();
    await expect(
      page.getByRole('button', { name: /^Line 1: `<br>` must be self-closed/ }),
    ).toBeVisible();

    // Cursor into `<br>` (Home, then 5 to the right), then Ctrl+. for the quick fixes.
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ControlOrMeta+.');
    const fix = page.getByText('Self-close as `<br/>`').or(page.getByText('Self-close as <br/>'));
    await expect(fix.first()).toBeVisible();
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('error-count')).toHaveText('0 errors');
    await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
    await expect.poll(() => scratchpad.storedBody()).toBe('<p>a<br/></p>');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('Format lays out a one-line body, and says why it refuses a broken one', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await scratchpad.replaceText('<p>a</p><ul><li>x</li></ul>');
    await page.getByRole('button', { name: 'Format' }).click();
    await expect.poll(() => scratchpad.storedBody()).toContain('\n');
    expect(await scratchpad.storedBody()).toMatch(/<p>a<\/p>\n<ul>\n\s+<li>x<\/li>\n<\/ul>/);

    // The standard shortcut goes through the same formatter.
    await scratchpad.replaceText('<ol><li>y</li></ol>');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => scratchpad.storedBody()).toMatch(/<ol>\n\s+<li>y<\/li>\n<\/ol>/);

    await scratchpad.replaceText('<p>a<br></p>');
    await expect(page.getByTestId('error-count')).toHaveText('1 error');
    await page.getByRole('button', { name: 'Format' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'error' })).toBeVisible();
    await expect.poll(() => scratchpad.storedBody()).toBe('<p>a<br></p>');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('the preview renders inside a sandboxed iframe where no script runs', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await scratchpad.replaceText('<h2>Preview title</h2><p>Hello <strong>preview</strong></p>');
    const frame = scratchpad.preview;
    await expect(frame.getByRole('heading', { name: 'Preview title' })).toBeVisible();
    await expect(frame.getByText('Hello preview')).toBeVisible();
    const iframe = previewIframe(page);
    // allow-same-origin lets the app patch the frame's blocks; without allow-scripts nothing in
    // the frame can run (see components/preview/preview-frame.tsx).
    await expect(iframe).toHaveAttribute('sandbox', 'allow-same-origin');
    await expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
    const ran = await iframe.evaluate(async (element) => {
      const frameElement = element as HTMLIFrameElement;
      const doc = frameElement.contentDocument!;
      const marker = '__previewScriptRan';
      const script = doc.createElement('script');
      // A text node, not `textContent`: under Trusted Types (XSS-9) a plain string there throws
      // before the sandbox could be tested; a text node is inserted and must still not run.
      script.append(doc.createTextNode(`window.parent.${marker} = true; window.${marker} = true;`));
      doc.body.append(script);
      const image = doc.createElement('img');
      image.setAttribute('src', 'data:,x');
      try {
        image.setAttribute('onerror', `window.parent.${marker} = true`);
      } catch {
        // Trusted Types refuses a handler attribute from a plain string: one layer more.
      }
      doc.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const flags = [window, frameElement.contentWindow] as unknown as Record<string, unknown>[];
      script.remove();
      image.remove();
      return flags.some((w) => w[marker] === true);
    });
    expect(ran).toBe(false);
    // The preview is the page's only iframe, and its markup never lands in the app document.
    await expect(page.locator('h2', { hasText: 'Preview title' })).toHaveCount(0);
    expect(offOrigin).toEqual([]);
    // Chromium logs Trusted Types' refusals of this test's own injected script and handler.
    expect(consoleErrors.filter((m) => !/requires 'TrustedScript' assignment/.test(m))).toEqual([]);
  });

  test('an html macro payload runs nothing', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await scratchpad.openWith('');
    await scratchpad.replaceText(
      '<p>before</p><ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<img src=x onerror=alert(1)>]]></ac:plain-text-body></ac:structured-macro><p>after</p>',
    );
    const frame = scratchpad.preview;
    await expect(frame.getByText('after')).toBeVisible();
    await expect(frame.locator('img')).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a reload keeps the text', async ({ page, offOrigin, consoleErrors, scratchpad }) => {
    await scratchpad.openWith('');
    await scratchpad.replaceText('<p>kept across reloads</p>');
    await expect.poll(() => scratchpad.storedBody()).toBe('<p>kept across reloads</p>');
    await page.reload();
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('kept across reloads');
    const frame = scratchpad.preview;
    await expect(frame.getByText('kept across reloads')).toBeVisible();
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('toolbar controls are keyboard reachable and named', async ({ page, scratchpad }) => {
    await scratchpad.openWith('');
    for (const name of ['Format', 'Validate', 'Editor', 'Preview', 'Wrap', 'Minimap']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
    await expect(page.getByRole('separator', { name: 'Resize editor and preview' })).toBeVisible();

    await page.getByRole('button', { name: 'Preview', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(previewIframe(page)).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(previewIframe(page)).toHaveCount(1);

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  });

  test('completion inserts a whole macro from the catalogue', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.type('<inf');
    const suggestion = page
      .locator('.monaco-editor .suggest-widget')
      .getByText('info', { exact: true });
    await expect(suggestion.first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => scratchpad.storedBody())
      .toMatch(/^<ac:structured-macro ac:name="info">\n\s+<ac:rich-text-body>\n\s+<p><\/p>/);
    await expect(page.getByTestId('error-count')).toHaveText('0 errors');
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('pasting HTML offers "Paste as storage format"', async ({
    page,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    await scratchpad.openWith('');
    await page.locator('.monaco-editor .view-lines').click();
    // A real clipboard needs permissions; a paste event with both flavours is what Monaco sees.
    // A real clipboard needs permissions; a paste event with both flavours is what Monaco sees
    // (on its focused input element: a textarea, or the EditContext element in Chromium).
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Bold and link');
      data.setData('text/html', '<p><b>Bold</b> and <a href="https://example.test/">link</a></p>');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => scratchpad.storedBody()).toBe('Bold and link');
    await page.getByRole('button', { name: 'Paste as storage format' }).click();
    await expect
      .poll(() => scratchpad.storedBody())
      .toContain('<strong>Bold</strong> and <a href="https://example.test/">link</a>');
    await expect(page.getByRole('button', { name: 'Paste as storage format' })).toHaveCount(0);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('a big body is validated off the main thread', async ({
    page,
    appUrl,
    offOrigin,
    consoleErrors,
    scratchpad,
  }) => {
    const big = `${'<p>filler paragraph</p>\n'.repeat(6000)}<p>a<br></p>`;
    expect(big.length).toBeGreaterThan(100_000);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await scratchpad.openWith(big);
    await expect(page.getByTestId('error-count')).toHaveText('1 error');
    // Monaco's editor worker plus the validation worker, both from the app's own origin. Monaco
    // starts its worker lazily and the worker event can trail the first result: wait for both.
    await expect.poll(() => workers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    for (const url of workers) expect(url.startsWith(appUrl)).toBe(true);
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('screenshots, light and dark', async ({ page, scratchpad }, testInfo) => {
    await scratchpad.openWith(null);
    const frame = scratchpad.preview;
    await expect(frame.getByRole('heading', { name: 'Scratchpad' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('scratchpad-light.png') });
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('scratchpad-dark.png') });
  });
});
