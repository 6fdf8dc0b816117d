/**
 * The live-preview renderer. `node-sanitizer` (jsdom) is deliberately not exported here: the
 * browser bundle imports this module and must never pull in jsdom.
 */
export { renderStorage, renderDocument } from './render';
export type { RenderOptions, AttachmentRef, PageRef, UserRef } from './render-options';
export { createDomPurifySanitizer, DOMPURIFY_CONFIG, type Sanitizer } from './sanitizer';
export { PREVIEW_CSS } from './preview-css';
