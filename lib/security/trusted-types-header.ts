/**
 * The Trusted Types part of the app's Content-Security-Policy (docs/security.md XSS-9). Pure: used by
 * proxy.ts on every request and by the tests that pin the header.
 *
 * `require-trusted-types-for 'script'` makes every DOM XSS sink (innerHTML, srcdoc, Range's
 * createContextualFragment, DOMParser, script src, `new Worker(url)`, …) refuse a plain string:
 * only a value made by one of the policies named below is accepted. The list is every policy
 * the app's code, and the libraries it ships, create; a library that creates a policy not listed
 * here gets a violation even if it never uses that policy.
 */

/** The policies Pagewright itself creates (lib/security/trusted-types.ts). */
export const APP_POLICY_NAMES = Object.freeze({
  /** Blocks of preview HTML, re-sanitized by DOMPurify with the preview config. */
  preview: 'app-preview',
  /** The preview frame's shell `srcdoc`, built only by buildPreviewShell. */
  previewShell: 'app-preview-shell',
});

/**
 * The policies libraries create, found in the bundle:
 * - `default`: created by the app (trusted-types.ts), and only for the bundler: Turbopack loads
 *   chunks with `script.src = url` and builds workers with `new Worker(new URL(…))`, both without
 *   a policy of their own. The default policy accepts script URLs on the app's own
 *   `/_next/static/` and nothing else; it has no createHTML/createScript, so a plain string at
 *   an HTML or script sink is still refused.
 * - `dompurify`: DOMPurify's internal policy (node_modules/dompurify README, "DOMPurify and
 *   Trusted Types"). It parses the input with DOMParser, itself a sink; with
 *   `TRUSTED_TYPES_POLICY: null` DOMPurify hands DOMParser a plain string, which an enforced
 *   policy refuses (and DOMPurify then returns ''), so the policy cannot be left out.
 * - Monaco's ten (monaco-editor/esm, `createTrustedTypesPolicy('…')`): it creates most of them
 *   when its modules load, so all are listed even where the app never reaches the feature.
 */
export const MONACO_POLICY_NAMES = Object.freeze([
  'defaultWorkerFactory',
  'diffEditorWidget',
  'diffReview',
  'domLineBreaksComputer',
  'editorGhostText',
  'editorViewLayer',
  'richScreenReaderContent',
  'standaloneColorizer',
  'stickyScrollViewLayer',
  'tokenizeToString',
]);

export const TRUSTED_TYPES_POLICY_NAMES: readonly string[] = Object.freeze([
  'default',
  APP_POLICY_NAMES.preview,
  APP_POLICY_NAMES.previewShell,
  'dompurify',
  ...MONACO_POLICY_NAMES,
]);

/**
 * How Trusted Types are rolled out: `enforce` puts the directives in the enforced CSP,
 * `report-only` sends them in Content-Security-Policy-Report-Only (violations are reported to
 * /api/csp-report, nothing is blocked), `off` sends neither.
 */
export type TrustedTypesMode = 'enforce' | 'report-only' | 'off';

/**
 * Reads PAGEWRIGHT_TRUSTED_TYPES; anything unrecognised is an error, not a silent downgrade.
 * Unset, production enforces; `next dev` only reports, because its hot reloading evaluates
 * strings (eval needs a TrustedScript under `require-trusted-types-for 'script'`).
 */
export function trustedTypesMode(
  value: string | undefined,
  options: { dev: boolean } = { dev: false },
): TrustedTypesMode {
  const mode = (value ?? '').trim().toLowerCase();
  if (mode === '') return options.dev ? 'report-only' : 'enforce';
  if (mode === 'enforce' || mode === 'report-only' || mode === 'off') return mode;
  throw new Error(
    `PAGEWRIGHT_TRUSTED_TYPES must be enforce, report-only or off (got ${JSON.stringify(value)})`,
  );
}

/** The two directives, in the order docs/security.md XSS-9 writes them. */
export function trustedTypesDirectives(): string[] {
  return [
    "require-trusted-types-for 'script'",
    // 'allow-duplicates': Monaco's modules may be evaluated in more than one chunk, and each copy
    // creates its policies again under the same names.
    `trusted-types ${TRUSTED_TYPES_POLICY_NAMES.join(' ')} 'allow-duplicates'`,
  ];
}
