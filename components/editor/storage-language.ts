import type * as Monaco from 'monaco-editor';

import { tryFormatStorage, type FormatResult } from '@/lib/storage-format/format';
import { MACRO_CATALOGUE } from '@/lib/storage-format/macro-catalogue';
import type { CatalogueMacro } from '@/lib/editor/catalogue-types';
import { completionsAt, type SuggestionKind, TRIGGER_CHARACTERS } from '@/lib/editor/completion';
import { foldingRanges } from '@/lib/editor/folding';
import { hoverAt } from '@/lib/editor/hover';
import { minimalEdit } from '@/lib/editor/minimal-edit';
import { FIXABLE_CODES, quickFixesFor } from '@/lib/editor/quick-fixes';
import { STORAGE_LANGUAGE_BASE, STORAGE_LANGUAGE_ID, STORAGE_MONARCH } from './storage-monarch';
import { DARK_THEME, LIGHT_THEME, STORAGE_THEMES } from './storage-themes';
import { matchingTagNames } from '@/lib/editor/tag-matching';
import { VOID_ELEMENTS } from '@/lib/editor/tag-scanner';

type MonacoApi = typeof Monaco;

const CATALOGUE: readonly CatalogueMacro[] = MACRO_CATALOGUE;

/** Bodies above this size skip per-cursor-move features that rescan the whole text. */
const RESCAN_LIMIT = 500_000;

const formatListeners = new Map<string, (result: FormatResult) => void>();

/**
 * Lets one editor hear how *its* format request went (Shift+Alt+F goes through the provider, which
 * is shared by all editors): a refusal carries the reason to show. Returns an unsubscribe.
 */
export function onFormatResult(
  model: Monaco.editor.ITextModel,
  listener: (result: FormatResult) => void,
) {
  const key = model.uri.toString();
  formatListeners.set(key, listener);
  return () => {
    if (formatListeners.get(key) === listener) formatListeners.delete(key);
  };
}

function toRange(model: Monaco.editor.ITextModel, start: number, end: number): Monaco.IRange {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

/**
 * Formats the model's text with the engine. The edit is minimal so the cursor stays put; the
 * result goes to the model's {@link onFormatResult} listener too (for Shift+Alt+F).
 */
export function formatModel(model: Monaco.editor.ITextModel): {
  edits: Monaco.languages.TextEdit[];
  result: FormatResult;
} {
  const source = model.getValue();
  const result = tryFormatStorage(source);
  formatListeners.get(model.uri.toString())?.(result);
  const edit = result.ok ? minimalEdit(source, result.formatted) : null;
  return {
    edits: edit ? [{ range: toRange(model, edit.start, edit.end), text: edit.text }] : [],
    result,
  };
}

let registered = false;

/**
 * Registers the `storage` language once: Monarch grammar, themes, language configuration, and
 * the providers (completion, hover, quick fixes, formatting, folding, tag matching) whose logic
 * lives in pure, unit-tested modules under lib/editor.
 */
export function registerStorageLanguage(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  const { languages } = monaco;
  const id = STORAGE_LANGUAGE_ID;

  languages.register({ id, extensions: ['.storage'], aliases: ['Confluence storage format'] });
  languages.setMonarchTokensProvider(id, STORAGE_MONARCH);
  monaco.editor.defineTheme(STORAGE_THEMES.light, LIGHT_THEME);
  monaco.editor.defineTheme(STORAGE_THEMES.dark, DARK_THEME);

  const voids = [...VOID_ELEMENTS].join('|');
  const openTag = new RegExp(
    `<(?!(?:${voids}|ri:[\\w.-]+)\\b)([_:\\w][_:\\w.\\d-]*)([^/>]*(?!/)>)[^<]*$`,
    'i',
  );
  languages.setLanguageConfiguration(id, {
    ...STORAGE_LANGUAGE_BASE,
    onEnterRules: [
      {
        beforeText: openTag,
        afterText: /^<\/([_:\w][_:\w.\d-]*)\s*>/i,
        action: { indentAction: languages.IndentAction.IndentOutdent },
      },
      { beforeText: openTag, action: { indentAction: languages.IndentAction.Indent } },
    ],
  });

  const kinds: Record<SuggestionKind, Monaco.languages.CompletionItemKind> = {
    macro: languages.CompletionItemKind.Module,
    parameter: languages.CompletionItemKind.Property,
    element: languages.CompletionItemKind.Class,
    resource: languages.CompletionItemKind.Reference,
    attribute: languages.CompletionItemKind.Field,
    value: languages.CompletionItemKind.Value,
    entity: languages.CompletionItemKind.Constant,
    'close-tag': languages.CompletionItemKind.Keyword,
  };

  languages.registerCompletionItemProvider(id, {
    triggerCharacters: TRIGGER_CHARACTERS,
    provideCompletionItems(model, position) {
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const suggestions = completionsAt(text, offset, CATALOGUE).map((s) => ({
        label: s.label,
        kind: kinds[s.kind],
        detail: s.detail,
        documentation: s.documentation ? { value: s.documentation } : undefined,
        insertText: s.insertText,
        insertTextRules: s.snippet
          ? languages.CompletionItemInsertTextRule.InsertAsSnippet
          : undefined,
        filterText: s.filterText,
        sortText: s.sortText,
        range: toRange(model, s.start, s.end),
      }));
      return { suggestions };
    },
  });

  languages.registerHoverProvider(id, {
    provideHover(model, position) {
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position), CATALOGUE);
      if (!hover) return null;
      return {
        range: toRange(model, hover.start, hover.end),
        contents: [{ value: hover.markdown }],
      };
    },
  });

  languages.registerCodeActionProvider(
    id,
    {
      provideCodeActions(model, _range, context) {
        const source = model.getValue();
        const actions: Monaco.languages.CodeAction[] = [];
        for (const marker of context.markers) {
          const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
          if (!code || !FIXABLE_CODES.has(code)) continue;
          const fixes = quickFixesFor(source, {
            code,
            line: marker.startLineNumber,
            column: marker.startColumn,
            endLine: marker.endLineNumber,
            endColumn: marker.endColumn,
          });
          for (const fix of fixes) {
            actions.push({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: fix.preferred,
              edit: {
                edits: fix.edits.map((edit) => ({
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: toRange(model, edit.start, edit.end), text: edit.text },
                })),
              },
            });
          }
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );

  languages.registerDocumentFormattingEditProvider(id, {
    displayName: 'Pagewright storage formatter',
    provideDocumentFormattingEdits: (model) => formatModel(model).edits,
  });

  languages.registerFoldingRangeProvider(id, {
    provideFoldingRanges(model) {
      return foldingRanges(model.getValue()).map((range) => ({
        start: range.start,
        end: range.end,
        kind: range.kind === 'comment' ? languages.FoldingRangeKind.Comment : undefined,
      }));
    },
  });

  const tagPair = (model: Monaco.editor.ITextModel, position: Monaco.Position) => {
    if (model.getValueLength() > RESCAN_LIMIT) return null;
    return matchingTagNames(model.getValue(), model.getOffsetAt(position));
  };

  languages.registerDocumentHighlightProvider(id, {
    provideDocumentHighlights(model, position) {
      const pair = tagPair(model, position);
      if (!pair) return null;
      return pair.map((name) => ({
        range: toRange(model, name.start, name.end),
        kind: languages.DocumentHighlightKind.Text,
      }));
    },
  });

  languages.registerLinkedEditingRangeProvider(id, {
    provideLinkedEditingRanges(model, position) {
      const pair = tagPair(model, position);
      if (!pair) return null;
      return {
        ranges: pair.map((name) => toRange(model, name.start, name.end)),
        wordPattern: /[\w:.-]+/,
      };
    },
  });
}
