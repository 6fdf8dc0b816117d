import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures';

import { resetEmulator } from '../emulator-admin';
import { previewFrame } from '../pages/preview-frame';

/**
 * docs/security.md XSS-9: Trusted Types, enforced. The server sends `require-trusted-types-for
 * 'script'` with the app's policy list in the enforced CSP (PAGEWRIGHT_TRUSTED_TYPES defaults
 * to enforce), so every DOM XSS sink the app, Next, Turbopack, DOMPurify or Monaco reaches with
 * a plain string would throw. A journey through every part of the app that writes HTML or starts
 * a script (a macro-rich page, typing, the instant and the Confluence preview, the diff editor,
 * the Scratchpad with its validation worker) must see zero Trusted Types violations: none in the
 * app document, none in any preview frame, none in the console. Then a raw string assigned to
 * innerHTML, and a data: URL given to a Worker, must throw and be seen as violations, proving
 * that enforcement was on and that the listeners would have caught one.
 *
 * The `securitypolicyviolation` events are the same violations the browser reports to
 * `report-to csp`; the server log is not read here because Chromium under Playwright did not
 * deliver any Reporting API report (even for the deliberate probe) within two minutes.
 */

const MACRO_SHOWCASE = '9470041';
// Short: a violation's sample is cut at 40 characters.
const PROBE = 'tt-probe';

interface Violation {
  where: string;
  directive: string;
  sample: string;
  blockedURI: string;
  source: string;
}

/**
 * Records every `securitypolicyviolation` in the app document and in every same-origin frame
 * (the preview frame runs no script of its own, so the listener is added from the parent, in
 * the capture phase of the frame's load, before the app's own load handler patches the body).
 */
function recordViolations(): void {
  const seen: Violation[] = [];
  (window as unknown as { __ttViolations: Violation[] }).__ttViolations = seen;
  const listen = (target: Document, where: string) =>
    target.addEventListener(
      'securitypolicyviolation',
      (event) =>
        seen.push({
          where,
          directive: event.effectiveDirective,
          sample: event.sample,
          blockedURI: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
        }),
      true,
    );
  listen(document, 'app');
  const hooked = new WeakSet<Document>();
  const hook = (frame: HTMLIFrameElement) => {
    try {
      const doc = frame.contentDocument;
      if (doc && !hooked.has(doc)) {
        hooked.add(doc);
        listen(doc, `frame "${frame.title}"`);
      }
    } catch {
      // A cross-origin frame: not the app's (and the app has none).
    }
  };
  document.addEventListener(
    'load',
    (event) => {
      if (event.target instanceof HTMLIFrameElement) hook(event.target);
    },
    true,
  );
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(
    () => (window as unknown as { __ttViolations?: Violation[] }).__ttViolations ?? [],
  );
}

function ttViolations(all: Violation[]): Violation[] {
  return all.filter((v) => /trusted-types/.test(v.directive));
}

test.beforeAll(async () => {
  await resetEmulator();
});

test('with Trusted Types enforced, editing, previewing, diffing and the Scratchpad cause no violation', async ({
  page,
  appUrl,
  offOrigin,
  loginPage,
  editorPage,
  scratchpad,
}) => {
  test.setTimeout(240_000);
  const ttConsole: string[] = [];
  page.on('console', (message) => {
    if (/Trusted ?Type|TrustedHTML|TrustedScript/i.test(message.text()))
      ttConsole.push(message.text());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.addInitScript(recordViolations);

  // The header itself: enforced, with the app's policies, and no report-only twin.
  const response = await page.goto(`${appUrl}/login`);
  const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toMatch(
    /trusted-types default app-preview app-preview-shell dompurify .*'allow-duplicates'/,
  );
  expect((await response!.allHeaders())['content-security-policy-report-only']).toBeUndefined();

  await loginPage.signInAsDemo();

  // A page with every common macro (code, panels, expand, toc, status, …) in the instant preview.
  await editorPage.open(MACRO_SHOWCASE, { untilSaved: true });
  await expect(previewFrame(page).locator('body')).not.toBeEmpty();
  // Typing (Monaco's view layer, line breaks, suggestions) and new preview blocks, including
  // payloads the preview must show inertly.
  await editorPage.appendParagraph('Typed under Trusted Types');
  // Key by key inside that paragraph (before its `</p>`).
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', then key by key', { delay: 5 });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    // (No CDATA here: the editor would auto-close `<![CDATA[` while inserting.)
    '<p>&lt;img src=x onerror=alert(1)&gt;</p>' +
      '<p><a href="javascript:alert(2)">link</a> <span title="&lt;img src=x onerror=alert(3)&gt;">t</span></p>',
  );
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await expect(
    previewFrame(page).getByText('Typed under Trusted Types, then key by key'),
  ).toBeVisible();
  // Hover help (Monaco renders markdown) on a macro name.
  await page.locator('.monaco-editor .view-lines').first().hover();

  // Confluence mode: the server's rendering, patched into the frame the same way.
  const rendered = page.waitForResponse(
    (r) => r.url().endsWith('/api/render') && r.request().method() === 'POST',
  );
  await page.getByRole('radio', { name: 'Confluence' }).check();
  expect((await rendered).status()).toBe(200);
  await expect(page.getByTestId('preview-label')).toContainText('Confluence rendering');
  await expect(previewFrame(page).getByText('Typed under Trusted Types')).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole('radio', { name: 'Instant' }).check();
  await expect(page.getByTestId('preview-label')).toHaveText('Instant preview — approximate');

  // The diff editor (Monaco's diff widgets and their policies).
  await editorPage.toolbarButton('Diff').click();
  const diff = page.getByRole('dialog', { name: /^Changes since version \d+$/ });
  await expect(diff.locator('.monaco-diff-editor .modified .view-lines')).toContainText(
    'Macro showcase',
  );
  await expect(diff.getByTestId('diff-status')).not.toContainText('No differences');
  await page.keyboard.press('Escape');
  await expect(diff).toHaveCount(0);

  // Scratchpad with a body over 100 KB: validation moves to its Web Worker (a script URL sink),
  // and Monaco's editor worker starts too.
  const big = `${'<p>filler paragraph</p>\n'.repeat(6000)}<p>a<br></p>`;
  expect(big.length).toBeGreaterThan(100_000);
  await scratchpad.openWith(big);
  await expect(page.getByTestId('error-count')).toHaveText('1 error');
  await expect(previewFrame(page).getByText('filler paragraph').first()).toBeVisible();
  // Both workers started, from the app's own /_next/static/ (a refused Worker would throw and
  // leave Monaco on its main-thread fallback and the validation pending).
  await expect.poll(() => workers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  for (const url of workers) expect(url.startsWith(`${appUrl}/_next/static/`)).toBe(true);
  // Back to a small body on the main thread, previewed.
  await scratchpad.replaceText('<h2>Small again</h2><p>under Trusted Types</p>');
  await expect(previewFrame(page).getByRole('heading', { name: 'Small again' })).toBeVisible();
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');

  expect(ttViolations(await violations(page))).toEqual([]);
  expect(ttConsole).toEqual([]);
  expect(offOrigin).toEqual([]);

  // Proof that enforcement was on: a raw string into innerHTML, or into a worker, throws.
  const attempts = await page.evaluate((probe) => {
    const results: string[] = [];
    try {
      // The deliberate raw-string sink this test must see refused.
      // eslint-disable-next-line no-restricted-properties
      document.createElement('div').innerHTML = `<b>${probe}</b>`;
      results.push('innerHTML assigned');
    } catch (error) {
      results.push(String(error));
    }
    try {
      new Worker(`data:text/javascript,${probe}`);
      results.push('worker started');
    } catch (error) {
      results.push(String(error));
    }
    return results;
  }, PROBE);
  expect(attempts[0]).toMatch(/requires 'TrustedHTML' assignment/);
  expect(attempts[1]).toMatch(/requires 'TrustedScriptURL' assignment/);
  // Both refusals were seen as violations, and only they.
  await expect
    .poll(async () => ttViolations(await violations(page)).map((v) => v.sample))
    .toEqual([expect.stringContaining(PROBE), expect.stringContaining(PROBE)]);
});
