import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installPreviewSanitizer } from '@/lib/security/trusted-types-test-support';
import { IncrementalBlocks } from '@/lib/storage-format/incremental/incremental-blocks';
import { parseStorage } from '@/lib/storage-format/parse';
import { renderDocument } from '@/lib/storage-format/render';
import { createNodeSanitizer } from '@/lib/storage-format/render/node-sanitizer';
import { loadXssPayloads, type XssPayload } from '@/lib/storage-format/render/xss-corpus';
import { ECHO_BUILDERS, storageBody } from '@/lib/storage-format/render/xss-embedding';

import { createBlockPatcher, unplacedBlocks } from './preview-dom';

const policy = { appOrigin: 'http://app.test', allowExternalImages: false };

/** What other blocks depend on (a heading, the toc listing it), then blocks an edit moves. */
const PAGE =
  '<h1>Title</h1>\n<ac:structured-macro ac:name="toc" />\n<p>before</p>\n<p>after</p>\n' +
  '<h2>Below</h2>\n<table><tbody><tr><td>moved</td></tr></tbody></table>\n';

const PIECES = 3;

const window = new JSDOM('').window;

function frame(): Document {
  return window.document.implementation.createHTMLDocument('frame');
}

const purify = createNodeSanitizer();

// The app's Trusted Types module, as in a browser without Trusted Types, sanitizing with DOMPurify
// over jsdom: the patcher then runs exactly the app's code, and sanitizes each block it shows.
let undoSanitizer: () => void;

/**
 * The instant preview as the app runs it, to the frame's DOM: incremental blocks with relative
 * source marks, unsanitized, and the patcher sanitizing each block it creates and placing the
 * marks (preview-dom.ts). After every step of every XSS payload typed into a page in pieces and
 * cut out again, that frame must equal a fresh frame built from the whole page rendered and
 * sanitized at once (docs/security.md XSS-2): same elements, attributes (marks included) and text.
 */
describe('the instant preview frame with XSS payloads typed in', () => {
  let payloads: XssPayload[] = [];
  beforeAll(async () => {
    payloads = await loadXssPayloads();
    undoSanitizer = installPreviewSanitizer(purify);
  });
  afterAll(() => undoSanitizer());

  it('equals the whole page sanitized at once, after every step', { timeout: 180_000 }, () => {
    expect(payloads.length).toBeGreaterThan(300);
    const middle = PAGE.indexOf('<p>after');
    const blocks = new IncrementalBlocks();
    const shown = frame();
    // Idle work never comes by itself here: settleMarks below does it.
    const patcher = createBlockPatcher(shown, policy, { whenSettling: () => undefined });
    const expectSame = (text: string, label: string) => {
      const { blocks: placed } = blocks.update(text, ECHO_BUILDERS);
      patcher.update(placed);
      // Marks of moved blocks other than their top-level offsets are set when the app is idle.
      patcher.settleMarks();
      const whole = frame();
      const html = renderDocument(parseStorage(text), {
        ...ECHO_BUILDERS,
        sanitizer: purify,
      });
      createBlockPatcher(whole, policy).update(unplacedBlocks(html));
      // Two text blocks side by side are two text nodes in the frame, one in a whole parse.
      const normalized = shown.body.cloneNode(true);
      normalized.normalize();
      expect(normalized.isEqualNode(whole.body), label).toBe(true);
    };
    for (const { source, payload } of payloads) {
      const embedded = storageBody(payload);
      const step = Math.ceil(embedded.length / PIECES);
      for (let typed = step; typed < embedded.length + step; typed += step) {
        const text = PAGE.slice(0, middle) + embedded.slice(0, typed) + PAGE.slice(middle);
        expectSame(text, `${source} (${typed} typed)`);
      }
      expectSame(PAGE, `${source} (cut out)`);
    }
  });
});
