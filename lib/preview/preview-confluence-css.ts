/**
 * Styles for the class names of Confluence's own view HTML (the "Confluence — exact" preview):
 * info/tip/note/warning panels, panels, code blocks, status lozenges, expands, task lists,
 * layouts, the table of contents, mentions and emoticons. Written here from the structure the
 * view HTML has (Atlassian's CSS is not shipped); the colours are PREVIEW_CSS's palette, so both
 * themes work.
 */
export const CONFLUENCE_VIEW_CSS = `
.confluence-information-macro { position: relative; margin: 12px 0; padding: 8px 12px 8px 36px;
  border-radius: 3px; background: var(--pw-info-bg); }
.confluence-information-macro > .title { margin: 0 0 4px; font-weight: 600; }
.confluence-information-macro-icon { position: absolute; left: 12px; top: 10px; width: 16px; height: 16px;
  border-radius: 50%; background: var(--pw-info-fg); }
.confluence-information-macro-body > :first-child { margin-top: 0; }
.confluence-information-macro-body > :last-child { margin-bottom: 0; }
.confluence-information-macro-information { background: var(--pw-info-bg); }
.confluence-information-macro-information .confluence-information-macro-icon { background: var(--pw-info-fg); }
.confluence-information-macro-tip { background: var(--pw-tip-bg); }
.confluence-information-macro-tip .confluence-information-macro-icon { background: var(--pw-tip-fg); }
.confluence-information-macro-note { background: var(--pw-note-bg); }
.confluence-information-macro-note .confluence-information-macro-icon { background: var(--pw-note-fg); }
.confluence-information-macro-warning { background: var(--pw-warning-bg); }
.confluence-information-macro-warning .confluence-information-macro-icon { background: var(--pw-warning-fg); }
.panel { margin: 12px 0; border: 1px solid var(--pw-border); border-radius: 3px; overflow: hidden; }
.panel .panelHeader { padding: 6px 12px; border-bottom: 1px solid var(--pw-border); background: var(--pw-subtle-bg); }
.panel .panelContent { padding: 8px 12px; }
.code.panel .codeContent { padding: 0; background: var(--pw-code-bg); }
.code.panel pre.syntaxhighlighter-pre, .preformatted pre { margin: 0; padding: 8px 12px; overflow-x: auto;
  font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }
.status-macro.aui-lozenge { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 11px;
  font-weight: 700; line-height: 16px; text-transform: uppercase; vertical-align: baseline;
  background: var(--pw-subtle-bg); color: var(--pw-text); }
.aui-lozenge-success { background: var(--pw-tip-bg); color: var(--pw-tip-fg); }
.aui-lozenge-error { background: var(--pw-warning-bg); color: var(--pw-warning-fg); }
.aui-lozenge-current { background: var(--pw-note-bg); color: var(--pw-note-fg); }
.aui-lozenge-complete { background: var(--pw-info-bg); color: var(--pw-info-fg); }
.aui-lozenge-moved { background: var(--pw-purple-bg); color: var(--pw-purple-fg); }
.status-macro.aui-lozenge-subtle { background: transparent; border: 1px solid currentColor; }
.expand-container { margin: 8px 0; }
.expand-control { cursor: default; color: var(--pw-link); }
.expand-control-icon::before { content: '\\25be'; display: inline-block; width: 1em; }
.expand-content { margin-left: 1em; padding-left: 8px; border-left: 2px solid var(--pw-border); }
.inline-task-list { list-style: none; padding-left: 4px; }
.inline-task-list > li { position: relative; padding-left: 24px; }
.inline-task-list > li::before { content: ''; position: absolute; left: 0; top: 3px; width: 14px; height: 14px;
  border: 1px solid var(--pw-border); border-radius: 3px; background: var(--pw-bg); }
.inline-task-list > li.checked::before { content: '\\2713'; border-color: var(--pw-link); background: var(--pw-link);
  color: var(--pw-bg); font-size: 11px; line-height: 14px; text-align: center; }
.inline-task-list > li.checked { color: var(--pw-muted); text-decoration: line-through; }
.contentLayout2 { display: flex; flex-direction: column; gap: 8px; }
.columnLayout { display: flex; gap: 16px; }
.columnLayout > .cell { flex: 1 1 0; min-width: 0; }
.columnLayout.two-left-sidebar > .cell:first-child, .columnLayout.two-right-sidebar > .cell:last-child,
.columnLayout.three-with-sidebars > .cell:first-child, .columnLayout.three-with-sidebars > .cell:last-child { flex: 0 0 30%; }
.toc-macro ul.toc-indentation { margin: 0; padding-left: 20px; list-style: disc; }
.toc-macro li.toc-level-2 { margin-left: 16px; } .toc-macro li.toc-level-3 { margin-left: 32px; }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table.confluenceTable { border-collapse: collapse; }
.confluenceTh, .confluenceTd, table.confluenceTable th, table.confluenceTable td { padding: 7px 10px;
  border: 1px solid var(--pw-border); vertical-align: top; text-align: left; }
.confluenceTh, table.confluenceTable th { background: var(--pw-th-bg); font-weight: 700; }
a.confluence-userlink, a.user-mention { padding: 0 4px; border-radius: 20px; background: var(--pw-subtle-bg);
  color: var(--pw-link); text-decoration: none; }
img.emoticon { width: 16px; height: 16px; vertical-align: text-bottom; }
img.confluence-embedded-image { max-width: 100%; height: auto; }
.confluence-embedded-file-wrapper { display: inline-block; }
.error span.error, span.error { color: var(--pw-warning-fg); }
.createlink { color: var(--pw-warning-fg); }
`;
