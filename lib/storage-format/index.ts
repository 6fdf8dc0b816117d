/**
 * The storage-format engine: pure TypeScript, no DOM, no network, usable in the browser, a Web
 * Worker and Node alike. Everything Pagewright knows about Confluence storage format is here.
 */
export type {
  AttributeNode,
  CDataNode,
  CommentNode,
  ConfluenceParseError,
  Diagnostic,
  DocumentNode,
  ElementNode,
  ParseResult,
  PositionMapper,
  ProcessingInstructionNode,
  Severity,
  Span,
  StorageNode,
  TextNode,
} from './types';
export { parseStorage } from './parse';
export { validateStorage, validateParsed } from './validate';
export { formatStorage, tryFormatStorage, type FormatResult } from './format';
export {
  renderStorage,
  renderDocument,
  createDomPurifySanitizer,
  PREVIEW_CSS,
  type RenderOptions,
  type Sanitizer,
} from './render';
export { htmlToStorage, looksLikeHtml } from './html-to-storage';
export {
  MACRO_CATALOGUE,
  findMacro,
  type MacroSpec,
  type MacroParameterSpec,
} from './macro-catalogue';
export { XHTML_ENTITIES } from './xhtml-entities';
export {
  canonicalizeStorage,
  canonicalizeDocument,
  canonicalizeForDiff,
  isCanonicallyEqual,
  isNoOpSave,
  type CanonicalOptions,
} from './canonical';
export {
  collectKeepsakes,
  findRemovals,
  type Keepsake,
  type KeepsakeKind,
  type RemovalGroup,
  type RemovalReport,
} from './integrity';
