import { join } from 'node:path';

import type { Page } from '@playwright/test';
import { build } from 'esbuild';

import { expect, test } from '../fixtures';
import { previewIframe } from '../pages/preview-frame';

import {
  allPayloads,
  forbiddenSandboxTokens,
  installXssHooks,
  payloadBatches,
  scriptHits,
  watchPage,
  type XssWatch,
} from './xss-support';

/**
 * docs/security.md XSS-4: each defence layer alone, in the real browser, because the sandbox would
 * hide a sanitizer bypass and the sanitizer would hide a sandbox mistake.
 * (a) The sanitizer without the sandbox: the app's own renderer (writer + DOMPurify with the
 *     app's config, bundled from lib/storage-format/render) runs in a plain page; its output goes
 *     into the page's own DOM and into a same-origin frame where script is allowed.
 * (b) The sandbox without the sanitizer: RAW payloads go into frames with exactly the sandbox
 *     and the CSP meta the live preview uses (read from the running app), one payload per frame
 *     so no payload swallows the next; then the sandbox alone, without the CSP meta.
 */

const HARNESS =
  '<!doctype html><html><head><meta charset="utf-8"><title>harness</title></head><body></body></html>';

/** The preview renderer as one browser script exposing `PagewrightRender`. */
async function rendererBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, '../../lib/storage-format/render/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'PagewrightRender',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/**
 * A blank page with no origin (about:blank: relative URLs in payloads go nowhere), hooked, with
 * every request recorded. The machine's network is closed, so remote requests fail fast.
 */
async function harnessPage(page: Page, hooks: boolean): Promise<XssWatch> {
  const watch = watchPage(page, null);
  if (hooks) await page.addInitScript(installXssHooks);
  await page.goto('about:blank');
  await page.setContent(HARNESS);
  return watch;
}

/** Console lines that mean a script ran inside a sandboxed frame (it tried a dialog). */
function dialogAttempts(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Ignored call to '(alert|confirm|prompt|print)\(\)'/.test(message.text()))
      seen.push(message.text());
  });
  return seen;
}

test('(a) the sanitizer alone: rendered corpus bodies run nothing in an unsandboxed page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const payloads = await allPayloads();
  const watch = await harnessPage(page, true);
  await page.addScriptTag({ content: await rendererBundle() });

  // The raw corpus through the browser's own DOMPurify with the app's config.
  const rawCount = await page.evaluate(
    (list) => {
      const render = (
        window as unknown as { PagewrightRender: typeof import('../../lib/storage-format/render') }
      ).PagewrightRender;
      const sanitize = render.createDomPurifySanitizer(window);
      const host = document.createElement('div');
      document.body.append(host);
      for (const payload of list) host.insertAdjacentHTML('beforeend', sanitize(payload));
      return list.length;
    },
    payloads.map((p) => p.payload),
  );
  expect(rawCount).toBe(payloads.length);
  await page.waitForTimeout(300);
  expect(await scriptHits(page), 'raw corpus through the browser DOMPurify').toEqual([]);
  expect(watch.dialogs).toEqual([]);

  for (const batch of payloadBatches(payloads)) {
    const marker = await page.evaluate(async ({ body, endMarker }) => {
      const render = (
        window as unknown as { PagewrightRender: typeof import('../../lib/storage-format/render') }
      ).PagewrightRender;
      // The URL builders echo what they are given (the payload), as in the Vitest suite.
      const html = render.renderStorage(body, {
        attachmentUrl: (ref) => ref.filename,
        pageUrl: (ref) => ref.title,
        userName: (ref) => ref.accountId ?? null,
      });
      const host = document.createElement('div');
      host.insertAdjacentHTML('beforeend', html);
      document.body.append(host);
      // Parsed, not necessarily loaded: remote images in payloads may never answer here.
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><html><body>${html}</body></html>`;
      document.body.append(frame);
      const started = Date.now();
      while (
        (frame.contentDocument?.URL !== 'about:srcdoc' ||
          frame.contentDocument.readyState === 'loading') &&
        Date.now() - started < 10_000
      )
        await new Promise((resolve) => setTimeout(resolve, 20));
      const rendered =
        host.textContent!.includes(endMarker) &&
        frame.contentDocument!.body.textContent!.includes(endMarker);
      // Give handlers a moment to fire, then drop the batch so the page stays small.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const ran = [
        ...(window as unknown as { __xssHits: string[] }).__xssHits,
        ...((frame.contentWindow as unknown as { __xssHits?: string[] }).__xssHits ?? []),
      ];
      host.remove();
      frame.remove();
      return { rendered, ran };
    }, batch);
    expect(marker.rendered, `batch ${batch.label} rendered`).toBe(true);
    expect(marker.ran, `batch ${batch.label}`).toEqual([]);
    expect(watch.dialogs, `batch ${batch.label}`).toEqual([]);
  }
  // Requests are counted, not asserted: remote images are the CSP's job (layer b), not the sanitizer's.
  test.info().annotations.push({
    type: 'http(s) requests the sanitized output started (no CSP in this harness)',
    description: String(watch.offOrigin.length),
  });
});

/** The sandbox attribute and the CSP meta of the live preview frame in /scratch. */
async function livePreviewPolicy(
  page: Page,
  appUrl: string,
): Promise<{ sandbox: string; csp: string }> {
  await page.goto(`${appUrl}/scratch`);
  const frame = previewIframe(page);
  await expect(frame).toHaveCount(1);
  const sandbox = await frame.getAttribute('sandbox');
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(srcdoc)?.[1];
  expect(sandbox, 'the preview frame has a sandbox attribute').not.toBeNull();
  expect(csp, 'the preview srcdoc starts with its CSP meta').toBeTruthy();
  return { sandbox: sandbox!, csp: csp!.replace(/&amp;/g, '&').replace(/&quot;/g, '"') };
}

async function rawPayloadFrames(
  page: Page,
  payloads: string[],
  sandbox: string,
  csp: string | null,
): Promise<void> {
  await page.evaluate(
    async ({ list, sandbox, csp }) => {
      const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      const head =
        csp === null ? '' : `<meta http-equiv="Content-Security-Policy" content="${escape(csp)}">`;
      for (const payload of list) {
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', sandbox);
        frame.setAttribute('referrerpolicy', 'no-referrer');
        frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${payload}</body></html>`;
        document.body.append(frame);
      }
    },
    { list: payloads, sandbox, csp },
  );
  // Parsed (not loaded: a remote image may never answer on a closed network).
  await Promise.all(
    page
      .mainFrame()
      .childFrames()
      .map((frame) => frame.waitForLoadState('domcontentloaded')),
  );
}

test('(b) the sandbox without the sanitizer: raw payloads in frames like the preview run nothing', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(120_000);
  const payloads = (await allPayloads()).map((p) => p.payload);
  // The live policy is read in a page of its own: the app's editor worker may still be loading
  // there, and that request is the app's, not a payload's (the watched page never opens the app).
  const probe = await page.context().newPage();
  const { sandbox, csp } = await livePreviewPolicy(probe, appUrl);
  await probe.close();
  expect(forbiddenSandboxTokens(sandbox)).toEqual([]);

  // No hooks here: a script that ran in a frame sandboxed without allow-modals logs "Ignored
  // call to 'alert()'", and one that escaped the sandbox opens a real dialog; both are caught.
  const attempts = dialogAttempts(page);
  const watch = await harnessPage(page, false);
  const chunk = 100;

  // Sandbox + the preview's CSP meta: nothing runs and nothing at all is requested.
  for (let i = 0; i < payloads.length; i += chunk) {
    await page.setContent(HARNESS);
    await rawPayloadFrames(page, payloads.slice(i, i + chunk), sandbox, csp);
    await page.waitForTimeout(300);
    const context = `payloads ${i}..${i + chunk - 1} with sandbox + CSP`;
    expect(attempts, context).toEqual([]);
    expect(watch.dialogs, context).toEqual([]);
    expect(watch.offOrigin, context).toEqual([]);
    // Every payload frame is still its srcdoc: no refresh or link navigated it.
    const frames = await page.locator('body > iframe').all();
    expect(frames.length).toBe(Math.min(chunk, payloads.length - i));
    for (const frame of page.mainFrame().childFrames())
      expect(frame.url(), context).toBe('about:srcdoc');
  }

  // The sandbox alone (no CSP meta): still no script, whatever the payloads try to load.
  for (let i = 0; i < payloads.length; i += chunk) {
    await page.setContent(HARNESS);
    await rawPayloadFrames(page, payloads.slice(i, i + chunk), sandbox, null);
    await page.waitForTimeout(300);
    const context = `payloads ${i}..${i + chunk - 1} with the sandbox alone`;
    expect(attempts, context).toEqual([]);
    expect(watch.dialogs, context).toEqual([]);
    for (const frame of page.mainFrame().childFrames())
      expect(frame.url(), context).toBe('about:srcdoc');
  }
  test.info().annotations.push({
    type: 'requests the sandbox alone let payloads start (the CSP layer stops them)',
    description: String(watch.offOrigin.length),
  });
});
