import type { RenderOptions } from './render-options';
import type { XssPayload } from './xss-corpus';

/**
 * Test support: puts an XSS payload in every place of a storage body a page author controls,
 * and checks rendered batches of payloads efficiently.
 */

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;');
}

function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * The payload in text, attributes, link targets, image sources, macro names and parameters,
 * CDATA and the html macro — each code path once (every copy makes the HTML checks slower).
 */
export function storageBody(payload: string): string {
  const t = xmlText(payload);
  const a = xmlAttribute(payload);
  const body = '<ac:plain-text-link-body><![CDATA[l]]></ac:plain-text-link-body>';
  const link = (target: string) => `<ac:link>${target}${body}</ac:link>`;
  const macro = (name: string, inner: string) =>
    `<ac:structured-macro ac:name="${name}">${inner}</ac:structured-macro>`;
  const parameter = (name: string) => `<ac:parameter ac:name="${name}">${t}</ac:parameter>`;
  return [
    `<p title="${a}" style="${a}" id="${a}">${t}<a href="${a}">a</a><ac:link ac:anchor="${a}">${body}</ac:link></p>`,
    `<p>${link(`<ri:url ri:value="${a}"/>`)}${link(`<ri:page ri:content-title="${a}"/>`)}${link(`<ri:attachment ri:filename="${a}"/>`)}<ac:link><ri:user ri:account-id="${a}"/></ac:link></p>`,
    `<p><ac:image><ri:url ri:value="${a}"/></ac:image><ac:image><ri:attachment ri:filename="${a}"/></ac:image><img src="${a}"/></p>`,
    `<table><tbody><tr><td class="highlight-${a}" data-highlight-colour="${a}">c</td></tr></tbody></table>`,
    macro(a, parameter('p')),
    macro('code', `<ac:plain-text-body>${cdata(payload)}</ac:plain-text-body>`),
    macro('html', `<ac:plain-text-body>${cdata(payload)}</ac:plain-text-body>`),
    macro('panel', parameter('bgColor') + parameter('borderStyle')) +
      macro('status', parameter('colour')),
    `<ac:layout><ac:layout-section ac:type="${a}"><ac:layout-cell/></ac:layout-section></ac:layout>`,
    `<p><ac:emoticon ac:emoji-fallback="${a}"/><time datetime="${a}"/></p>`,
  ].join('\n');
}

/**
 * URL builders and the user directory echo what they are given — i.e. the payload — to prove
 * that their results are checked like any URL from the body.
 */
export const ECHO_BUILDERS: RenderOptions = {
  attachmentUrl: (ref) => ref.filename,
  pageUrl: (ref) => ref.title,
  userName: (ref) => ref.accountId ?? null,
};

const BATCH = 25;

/**
 * Renders each payload's body on its own (so parse recovery cannot mix payloads), then checks
 * the outputs of a batch together: one HTML parse per batch keeps the suite fast. A failing
 * batch is re-checked payload by payload to name the culprit.
 */
export function firstUnsafe(
  batch: readonly XssPayload[],
  render: (payload: string) => string,
  check: (html: string) => string | null,
): string | null {
  const outputs = batch.map(({ payload }) => render(payload));
  if (check(outputs.join('\n')) === null) return null;
  const index = outputs.findIndex((html) => check(html) !== null);
  const culprit = batch[Math.max(0, index)]!;
  return `${culprit.source}: ${check(outputs[Math.max(0, index)]!) ?? 'only when combined'}`;
}

/** The payloads in batches of BATCH. */
export function batches(payloads: readonly XssPayload[]): XssPayload[][] {
  const out: XssPayload[][] = [];
  for (let i = 0; i < payloads.length; i += BATCH) out.push(payloads.slice(i, i + BATCH));
  return out;
}
