import type { monaco } from './monaco-setup';

/**
 * The editor's own paste, drag and drop listeners, in the capture phase so they run before
 * Monaco's: files dropped or pasted go to `onFiles` (to be attached; the reference lands where
 * they were dropped), and a paste's text/html is handed to `onHtmlPaste` on its way to Monaco,
 * which pastes text/plain itself. Returns the function that removes the listeners.
 */
export function listenForFileDropsAndPastes(
  editor: monaco.editor.IStandaloneCodeEditor,
  onFiles: () => ((files: File[]) => void) | undefined,
  onHtmlPaste: (html: string | null) => void,
): () => void {
  const domNode = editor.getDomNode();
  const takeFiles = (event: Event, data: DataTransfer | null): boolean => {
    const files = [...(data?.files ?? [])];
    const handler = onFiles();
    if (files.length === 0 || !handler) return false;
    event.preventDefault();
    event.stopPropagation();
    handler(files);
    return true;
  };
  const onPaste = (event: ClipboardEvent) => {
    if (takeFiles(event, event.clipboardData)) return;
    onHtmlPaste(event.clipboardData?.getData('text/html') || null);
  };
  const onDragOver = (event: DragEvent) => {
    if (onFiles() && event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (event: DragEvent) => {
    const target = editor.getTargetAtClientPoint(event.clientX, event.clientY);
    if (takeFiles(event, event.dataTransfer) && target?.position) {
      editor.setPosition(target.position);
      editor.focus();
    }
  };
  domNode?.addEventListener('paste', onPaste, true);
  domNode?.addEventListener('dragover', onDragOver, true);
  domNode?.addEventListener('drop', onDrop, true);
  return () => {
    domNode?.removeEventListener('paste', onPaste, true);
    domNode?.removeEventListener('dragover', onDragOver, true);
    domNode?.removeEventListener('drop', onDrop, true);
  };
}
