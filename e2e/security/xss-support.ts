import type { Page } from '@playwright/test';

import { loadXssPayloads, type XssPayload } from '../../lib/storage-format/render/xss-corpus';
import { storageBody } from '../../lib/storage-format/render/xss-embedding';

import { OWASP_EVASION } from './owasp-evasion';

/**
 * Shared pieces of the XSS specs: the corpus (DOMPurify's fixtures, H5SC's vectors,
 * OWASP's evasion examples), storage bodies that carry many payloads each, and the watchers that
 * prove nothing ran: hooked dialogs and a per-frame marker, every request, CSP violations.
 */

/** Every payload of the three corpora, each labelled with where it comes from. */
export async function allPayloads(): Promise<XssPayload[]> {
  const corpus = await loadXssPayloads();
  const owasp = OWASP_EVASION.map((payload, index) => ({ source: `owasp#${index}`, payload }));
  return [...corpus, ...owasp];
}

export interface PayloadBatch {
  /** First and last payload in the batch, for failure messages. */
  label: string;
  /** Storage body: every payload in every place a page author controls, then the end marker. */
  body: string;
  /** Text of the last paragraph: seeing it in the preview means the whole body rendered. */
  endMarker: string;
  payloads: XssPayload[];
}

/**
 * Groups payloads into storage bodies of at most `maxPayloads` payloads and about `maxChars`
 * characters (long H5SC vectors appear ~25 times per body, so the size cap matters), each
 * payload embedded by `storageBody` (text, attributes, link targets, image sources, macro names
 * and parameters, CDATA, the html macro, layouts, emoticons).
 */
export function payloadBatches(
  payloads: readonly XssPayload[],
  maxPayloads = 60,
  maxChars = 300_000,
): PayloadBatch[] {
  const batches: PayloadBatch[] = [];
  let current: { payload: XssPayload; body: string }[] = [];
  let size = 0;
  const close = () => {
    if (current.length === 0) return;
    const endMarker = `xss-batch-${batches.length + 1}-rendered`;
    batches.push({
      label: `${current[0]!.payload.source} … ${current.at(-1)!.payload.source}`,
      body: `${current.map((entry) => entry.body).join('\n')}\n<p>${endMarker}</p>`,
      endMarker,
      payloads: current.map((entry) => entry.payload),
    });
    current = [];
    size = 0;
  };
  for (const payload of payloads) {
    const body = storageBody(payload.payload);
    if (current.length >= maxPayloads || (size + body.length > maxChars && current.length > 0))
      close();
    current.push({ payload, body });
    size += body.length;
  }
  close();
  return batches;
}

/**
 * Init script for every frame (Playwright injects it into each new document, sandboxed or
 * not, as long as scripts may run there): alert/confirm/prompt/print record their call in
 * `window.__xssHits` instead of opening anything, so any payload that ran leaves a mark.
 * In the top document it also counts CSP violations (the app document must have none).
 */
export function installXssHooks(): void {
  const w = window as unknown as Record<string, unknown> & Window;
  const hits: string[] = [];
  Object.defineProperty(w, '__xssHits', { value: hits, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    w[name] = (...args: unknown[]) => {
      hits.push(`${name}(${String(args[0]).slice(0, 60)}) in ${location.href.slice(0, 60)}`);
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
  if (w === w.top) {
    const violations: string[] = [];
    Object.defineProperty(w, '__cspViolations', { value: violations, configurable: false });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.documentURI}`),
    );
  }
}

/**
 * Sandbox tokens the preview frame may carry. docs/security.md XSS-5 asks for an empty sandbox, at
 * most the popup tokens; the preview now also sets `allow-same-origin` (without
 * `allow-scripts`) so the app can patch the frame's DOM — a documented deviation the specs
 * tolerate and report (docs/security-tests.md). Script, forms, modals and top navigation stay
 * forbidden whatever happens.
 */
const TOLERATED_SANDBOX_TOKENS = new Set([
  'allow-same-origin',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
]);

/** Tokens of a sandbox attribute value that the preview must never carry. */
export function forbiddenSandboxTokens(sandbox: string | null): string[] {
  if (sandbox === null) return ['(no sandbox attribute)'];
  return sandbox
    .split(/\s+/)
    .filter(Boolean)
    .filter((token) => !TOLERATED_SANDBOX_TOKENS.has(token.toLowerCase()));
}

/** What a page did while payloads were on screen. */
export interface XssWatch {
  dialogs: string[];
  /** Network requests (http, https, ws, wss, ftp) to anything but the allowed origin. */
  offOrigin: string[];
  /** Console lines where a frame's CSP refused something (inside the preview frame). */
  frameCspRefusals: string[];
}

/** Watches dialogs (dismissed and recorded), requests and CSP console lines of `page`. */
export function watchPage(page: Page, allowedOrigin: string | null): XssWatch {
  const watch: XssWatch = { dialogs: [], offOrigin: [], frameCspRefusals: [] };
  page.on('dialog', (dialog) => {
    // The editor's own leave guard (DATA-4) asks before unloading unsaved text: not a payload.
    if (dialog.type() === 'beforeunload') {
      void dialog.accept().catch(() => undefined);
      return;
    }
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) => {
    const url = request.url();
    // Only network schemes leave the browser. `javascript:` and unknown-scheme frame
    // navigations are not requests (the script markers and frame URLs show whether they did
    // anything); data:, about: and blob: stay in the browser.
    if (!/^(https?|wss?|ftp):/i.test(url)) return;
    if (allowedOrigin !== null && new URL(url).origin === allowedOrigin) return;
    watch.offOrigin.push(url);
  });
  // Chromium reports a request from a same-origin sandboxed frame before that frame's CSP
  // refuses it (then fails it with errorText "csp"): refused is not sent.
  page.on('requestfailed', (request) => {
    if (!/^csp$|BLOCKED_BY_CSP/i.test(request.failure()?.errorText ?? '')) return;
    const index = watch.offOrigin.indexOf(request.url());
    if (index >= 0) watch.offOrigin.splice(index, 1);
    watch.frameCspRefusals.push(`blocked ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text()))
      watch.frameCspRefusals.push(message.text().slice(0, 200));
  });
  return watch;
}

/**
 * Monaco's own `confirm()` when a body holds U+2028/U+2029 ("Detected unusual line terminators",
 * its `unusualLineTerminators: 'prompt'` default): the app's code asking, not a payload running.
 * Reported as a finding (a native dialog over the editor), not counted as script execution.
 */
const MONACO_LINE_TERMINATOR_PROMPT = /^confirm\(Detected unusual line terminators/;

/** Monaco line-terminator prompts seen (see above); read by the specs for their annotations. */
export const monacoPrompts: string[] = [];

/** The marker of every frame of the page (a frame that cannot run script reports none). */
export async function scriptHits(page: Page): Promise<string[]> {
  const hits: string[] = [];
  const frames = page.frames();
  const perFrame = await Promise.all(
    frames.map((frame) =>
      frame
        .evaluate(() => (window as unknown as { __xssHits?: string[] }).__xssHits ?? [])
        .catch(() => [] as string[]),
    ),
  );
  for (const [index, found] of perFrame.entries()) {
    const frame = frames[index]!;
    for (const hit of found) {
      if (frame === page.mainFrame() && MONACO_LINE_TERMINATOR_PROMPT.test(hit)) {
        if (!monacoPrompts.includes(hit)) monacoPrompts.push(hit);
      } else hits.push(hit);
    }
  }
  return hits;
}

/** CSP violations the top (app) document saw. */
export function appCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

/**
 * Payload markup that reached the app's own document as elements or attributes: event-handler
 * attributes, script-capable URLs, frames other than the preview's, plugins, `<base>`, refresh,
 * forms posting elsewhere, SVG/MathML carrying script. Returns a description of each.
 */
export function injectedIntoAppDocument(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // Tag and attributes, read as text (no HTML serialisation).
    const describe = (element: Element) =>
      `<${element.localName} ${Array.from(element.attributes)
        .map((a) => `${a.name}="${a.value}"`)
        .join(' ')}>`.slice(0, 120);
    const scriptUrl = /^(javascript:|vbscript:|data:text\/html)/;
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        const value = attribute.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
        if (/^on/i.test(attribute.name)) found.push(`handler ${describe(element)}`);
        if (scriptUrl.test(value)) found.push(`script URL ${describe(element)}`);
      }
    }
    // The preview's frames are the only frames, always sandboxed without script.
    for (const frame of Array.from(document.querySelectorAll('iframe, frame'))) {
      const sandbox = frame.getAttribute('sandbox');
      if (
        !(frame instanceof HTMLIFrameElement) ||
        sandbox === null ||
        /allow-scripts/.test(sandbox)
      )
        found.push(`frame ${describe(frame)}`);
    }
    for (const element of Array.from(
      document.querySelectorAll(
        'object, embed, applet, base, meta[http-equiv], form[action], svg script, math, frameset',
      ),
    ))
      found.push(`element ${describe(element)}`);
    // Next's own scripts carry the nonce or come from /_next/; anything else was injected.
    for (const script of Array.from(document.scripts)) {
      const src = script.getAttribute('src');
      const own = src === null ? script.hasAttribute('nonce') : src.startsWith('/_next/');
      if (!own) found.push(`script ${describe(script)}`);
    }
    return found;
  });
}
