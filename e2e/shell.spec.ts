import { expect, test } from './fixtures';

test('the app shell loads over 127.0.0.1 without errors or off-origin requests', async ({
  page,
  appUrl,
  offOrigin,
  consoleErrors,
}) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Pagewright', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Pagewright');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  expect(offOrigin).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('every response carries a strict CSP with a fresh nonce and the security headers', async ({
  page,
  appUrl,
  request,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const first = await page.goto(appUrl);
  const csp = first!.headers()['content-security-policy']!;
  expect(csp).toMatch(
    /^default-src 'self'; script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types default app-preview app-preview-shell dompurify defaultWorkerFactory diffEditorWidget diffReview domLineBreaksComputer editorGhostText editorViewLayer richScreenReaderContent standaloneColorizer stickyScrollViewLayer tokenizeToString 'allow-duplicates'; report-to csp$/,
  );
  const html = await first!.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(html).toContain(`nonce="${nonce}"`);
  const second = await request.get(appUrl);
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  await expect(page.getByRole('heading', { name: 'Pagewright', level: 1 })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);

  for (const url of [appUrl, `${appUrl}/api/session`]) {
    const headers = (await request.get(url)).headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
    expect(headers['access-control-allow-origin']).toBeUndefined();
  }
});
