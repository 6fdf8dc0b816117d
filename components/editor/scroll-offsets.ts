import { monaco } from './monaco-setup';

type CodeEditor = monaco.editor.ICodeEditor;

/**
 * Scroll positions as source offsets, for the preview's scroll sync. Offsets rather than lines:
 * a body stored as Confluence stores it is one line, so only the offset (Monaco's getOffsetAt /
 * getPositionAt) says which block is in view. Without word wrap that line scrolls sideways, and
 * the column at the left edge counts too.
 */

function isWrapping(editor: CodeEditor): boolean {
  return editor.getOption(monaco.editor.EditorOption.wrappingInfo).isViewportWrapping;
}

function characterWidth(editor: CodeEditor): number {
  return Math.max(
    1,
    editor.getOption(monaco.editor.EditorOption.fontInfo).typicalHalfwidthCharacterWidth,
  );
}

/** The source offset shown at the viewport's top left corner. */
export function topLeftOffset(editor: CodeEditor): number {
  const model = editor.getModel();
  const start = editor.getVisibleRanges()[0]?.getStartPosition();
  if (!model || !start) return 0;
  let offset = model.getOffsetAt(start);
  if (!isWrapping(editor)) {
    // A wrapped view line starts where the line is cut; an unwrapped one is scrolled sideways.
    const columns = Math.floor(editor.getScrollLeft() / characterWidth(editor));
    offset += Math.min(columns, model.getLineLength(start.lineNumber) - (start.column - 1));
  }
  return offset;
}

/**
 * Scrolls so that source `offset` is at the top (the top of its view line when wrapped) and,
 * without wrap, in view sideways: a position that fits in the viewport leaves it unscrolled, one
 * far along a long line puts it at the left edge.
 */
export function scrollOffsetToTopLeft(editor: CodeEditor, offset: number): void {
  const model = editor.getModel();
  if (!model) return;
  const position = model.getPositionAt(offset);
  editor.setScrollTop(editor.getTopForPosition(position.lineNumber, position.column));
  if (isWrapping(editor)) return;
  const x = (position.column - 1) * characterWidth(editor);
  editor.setScrollLeft(x < editor.getLayoutInfo().contentWidth * 0.75 ? 0 : x);
}
