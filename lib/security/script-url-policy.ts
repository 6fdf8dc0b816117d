/**
 * The Trusted Types `default` policy, for script URLs only (docs/security.md XSS-9).
 *
 * The bundler writes the app's own script sinks, not the app: Turbopack loads chunks with
 * `script.src = url` and turns `new Worker(new URL('…', import.meta.url))` (monaco-setup.ts,
 * validation-client.ts) into `new Worker(urlObject)` inside its runtime. Neither takes a policy,
 * so under `require-trusted-types-for 'script'` they reach the sink with a plain string, and the
 * browser asks the `default` policy. This one accepts exactly the URLs the build serves (same
 * origin, under `/_next/static/`) and refuses everything else, including `javascript:`, `data:`
 * and `blob:` URLs. It defines no createHTML or createScript: a plain string at an HTML or
 * script sink still throws.
 *
 * It must exist before the first chunk is loaded on demand, so instrumentation-client.ts (which
 * Next runs before the app's code) installs it; the worker modules install it again (a no-op)
 * so that their sinks do not depend on that ordering.
 */

const STATIC_PREFIX = '/_next/static/';

/** True when `url` is a script of this app's build: same origin, under `/_next/static/`. */
export function isBundledScriptUrl(url: string, appOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, appOrigin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin !== new URL(appOrigin).origin) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  // The URL parser has already resolved `..` (also spelt %2e%2e); an encoded slash or backslash
  // could still be decoded into one by a server, so none may appear.
  if (/%2f|%5c/i.test(parsed.pathname)) return false;
  return parsed.pathname.startsWith(STATIC_PREFIX);
}

/** The part of the browser's TrustedTypePolicyFactory used here (a fake in unit tests). */
export interface ScriptUrlPolicyFactory {
  readonly defaultPolicy: unknown;
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string | null },
  ): { createScriptURL(input: string): unknown };
}

/**
 * Creates the `default` policy on `factory` unless one exists (there can be only one per
 * document). Returns false when there is nothing to do: no Trusted Types, or already installed.
 */
export function installDefaultScriptUrlPolicy(
  factory: ScriptUrlPolicyFactory | undefined,
  appOrigin: string,
): boolean {
  if (!factory || factory.defaultPolicy) return false;
  factory.createPolicy('default', {
    // null makes the browser refuse the sink (and report it), exactly as with no policy at all.
    createScriptURL: (input) => (isBundledScriptUrl(input, appOrigin) ? input : null),
  });
  return true;
}

/** Installs the default policy in this window, if the browser has Trusted Types. */
export function installBundlerScriptUrlPolicy(): void {
  if (typeof window === 'undefined') return;
  installDefaultScriptUrlPolicy(
    window.trustedTypes as unknown as ScriptUrlPolicyFactory | undefined,
    window.location.origin,
  );
}
