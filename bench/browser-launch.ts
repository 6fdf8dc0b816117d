import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumExecutablePath } from '@/lib/testing/chromium';

import { PROBES_SCRIPT } from './browser-probes';
import type { DemoApp } from './load-app';

/** Signs in as Demo User (Data Center) with the demo account button on /login. */
export async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: /Use demo account: Demo User — Data Center/ }).click();
  await page.getByLabel('Page ID, URL or title').waitFor();
}

/**
 * Chromium with the bench's probes installed before any page script, signed in to the demo app as
 * Demo User. The caller closes `browser`.
 */
export async function openSignedInBrowser(
  app: DemoApp,
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: PROBES_SCRIPT });
    const page = await context.newPage();
    // Leaving a page with typed, unsaved text asks first; the bench always leaves.
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, app.appUrl);
    return { browser, context, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
