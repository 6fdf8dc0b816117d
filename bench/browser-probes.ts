/** What the probes record in the page, read back by the measurements. */
declare global {
  interface Window {
    __bench?: { keys: number[]; updates: number[] };
  }
}

/**
 * Installed before any page script: records every keydown's event time, and every moment the
 * preview on screen changed. Two preview designs are understood: a frame that swaps in a fresh
 * iframe (or a new srcdoc) per update, and a same-origin frame whose document the app patches in
 * place (then the mutations inside that document are the update). Plain JavaScript in a string:
 * tsx's transpiled functions call a `__name` helper that does not exist in the page.
 */
export const PROBES_SCRIPT = `(() => {
  const bench = { keys: [], updates: [] };
  window.__bench = bench;
  window.addEventListener('keydown', (event) => bench.keys.push(event.timeStamp), true);
  const record = () => void bench.updates.push(performance.now());
  const inner = new MutationObserver(record);
  const watched = new WeakSet();
  let shown = null;
  let shownDoc = null;
  const check = () => {
    const frame = document.querySelector('iframe[title="Preview"]:not([aria-hidden="true"])');
    if (!frame) return;
    const srcdoc = frame.getAttribute('srcdoc');
    if (frame !== shown || srcdoc !== shownDoc) {
      if (shown !== null) record();
      shown = frame;
      shownDoc = srcdoc;
      frame.addEventListener('load', check);
    }
    let doc = null;
    try {
      doc = frame.contentDocument;
    } catch {
      doc = null;
    }
    if (doc && doc.body && !watched.has(doc)) {
      watched.add(doc);
      inner.observe(doc.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['title', 'aria-hidden', 'srcdoc'],
  });
})();`;
