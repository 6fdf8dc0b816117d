/**
 * Stylesheet for the preview frame (the app puts it in the srcdoc's `<style>`): a Confluence-like
 * look for panels, lozenges, tables, code and placeholders, in light and dark.
 */
export const PREVIEW_CSS = `
:root {
  color-scheme: light dark;
  --pw-text: #172b4d; --pw-muted: #5e6c84; --pw-bg: #ffffff; --pw-border: #c1c7d0;
  --pw-subtle-bg: #f4f5f7; --pw-link: #0052cc; --pw-code-bg: #f4f5f7; --pw-th-bg: #f4f5f7;
  --pw-info-bg: #deebff; --pw-info-fg: #0052cc; --pw-note-bg: #fffae6; --pw-note-fg: #ff8b00;
  --pw-tip-bg: #e3fcef; --pw-tip-fg: #00875a; --pw-warning-bg: #ffebe6; --pw-warning-fg: #de350b;
  --pw-purple-bg: #eae6ff; --pw-purple-fg: #5243aa; --pw-mark: #fff0b3;
  --ds-background-accent-blue-subtlest: #e9f2ff; --ds-background-accent-gray-subtlest: #f1f2f4;
  --ds-background-accent-green-subtlest: #dcfff1; --ds-background-accent-orange-subtlest: #fff3eb;
  --ds-background-accent-purple-subtlest: #f3f0ff; --ds-background-accent-red-subtlest: #ffeceb;
  --ds-background-accent-teal-subtlest: #e7f9ff; --ds-background-accent-yellow-subtlest: #fff7d6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --pw-text: #c7d1db; --pw-muted: #8c9bab; --pw-bg: #1d2125; --pw-border: #454f59;
    --pw-subtle-bg: #22272b; --pw-link: #579dff; --pw-code-bg: #2c333a; --pw-th-bg: #2c333a;
    --pw-info-bg: #092957; --pw-info-fg: #579dff; --pw-note-bg: #533f04; --pw-note-fg: #f5cd47;
    --pw-tip-bg: #164b35; --pw-tip-fg: #4bce97; --pw-warning-bg: #5d1f1a; --pw-warning-fg: #f87168;
    --pw-purple-bg: #352c63; --pw-purple-fg: #9f8fef; --pw-mark: #533f04;
    --ds-background-accent-blue-subtlest: #1c2b41; --ds-background-accent-gray-subtlest: #2c333a;
    --ds-background-accent-green-subtlest: #1c3329; --ds-background-accent-orange-subtlest: #38291e;
    --ds-background-accent-purple-subtlest: #2b273f; --ds-background-accent-red-subtlest: #42221f;
    --ds-background-accent-teal-subtlest: #1e3137; --ds-background-accent-yellow-subtlest: #332e1b;
  }
}
body { margin: 0; padding: 16px 24px; background: var(--pw-bg); color: var(--pw-text);
  font: 14px/1.714 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.4em; }
h1 { font-size: 24px; } h2 { font-size: 20px; } h3 { font-size: 16px; }
h4 { font-size: 14px; } h5, h6 { font-size: 12px; }
p, .pw-p { margin: 0.6em 0; }
a, .pw-link { color: var(--pw-link); text-decoration: none; }
.pw-card-inline { padding: 0 4px; border-radius: 3px; background: var(--pw-subtle-bg); }
.pw-card-block, .pw-card-embed { display: block; max-width: 100%; padding: 8px 12px; border-radius: 6px;
  border: 1px solid var(--pw-subtle-bg); background: var(--pw-subtle-bg); overflow-wrap: anywhere; }
a:hover { text-decoration: underline; }
.pw-link-unresolved { border-bottom: 1px dashed var(--pw-link); cursor: default; }
blockquote { margin: 0.8em 0; padding-left: 16px; border-left: 2px solid var(--pw-border); color: var(--pw-muted); }
code, kbd, samp, pre { font-family: SFMono-Medium, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
:not(pre) > code { background: var(--pw-code-bg); padding: 1px 4px; border-radius: 3px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
hr { border: 0; border-top: 2px solid var(--pw-border); }
img { max-width: 100%; height: auto; }
.pw-big { font-size: larger; } .pw-center { text-align: center; }
mark.pw-inline-comment { background: var(--pw-mark); color: inherit; border-bottom: 2px solid #ffc400; }

.pw-table-wrap { overflow-x: auto; margin: 0.8em 0; }
.pw-table { border-collapse: collapse; }
.pw-table th, .pw-table td { border: 1px solid var(--pw-border); padding: 7px 10px; vertical-align: top; text-align: left; }
.pw-table th { background: var(--pw-th-bg); font-weight: 600; }
.pw-table > caption { caption-side: top; font-weight: 600; text-align: left; }
.pw-table[data-layout="full-width"], .pw-table[data-layout="wide"] { width: 100%; }

.pw-code { display: block; margin: 0.8em 0; border: 1px solid var(--pw-border); border-radius: 3px; background: var(--pw-code-bg); }
.pw-code-bar { display: flex; justify-content: space-between; gap: 8px; padding: 4px 10px;
  border-bottom: 1px solid var(--pw-border); font-size: 12px; color: var(--pw-muted); }
.pw-code-title { font-weight: 600; color: var(--pw-text); }
.pw-code-language { text-transform: lowercase; }
.pw-code-body { margin: 0; padding: 8px 10px; overflow-x: auto; }
.pw-code-body > code { background: none; padding: 0; }
.pw-code-numbered .pw-code-line::before { counter-increment: pw-line; content: counter(pw-line);
  display: inline-block; width: 3em; margin-right: 1em; text-align: right; color: var(--pw-muted); user-select: none; }
details.pw-code > summary { cursor: pointer; }
.pw-noformat { margin: 0.8em 0; padding: 8px 10px; border: 1px solid var(--pw-border); background: var(--pw-code-bg); border-radius: 3px; }
.pw-noformat.pw-nopanel { border: 0; background: none; padding: 0; }

.pw-panel { display: flex; gap: 10px; margin: 0.8em 0; padding: 10px 14px; border-radius: 3px; }
.pw-panel-content { flex: 1; min-width: 0; }
.pw-panel-content > :first-child { margin-top: 0; } .pw-panel-content > :last-child { margin-bottom: 0; }
.pw-panel-title { font-weight: 600; margin: 0 0 0.3em; }
.pw-panel-icon { font-weight: 700; width: 1.2em; text-align: center; }
.pw-panel-info { background: var(--pw-info-bg); } .pw-panel-info > .pw-panel-icon { color: var(--pw-info-fg); }
.pw-panel-note { background: var(--pw-note-bg); } .pw-panel-note > .pw-panel-icon { color: var(--pw-note-fg); }
.pw-panel-tip, .pw-panel-success { background: var(--pw-tip-bg); }
.pw-panel-tip > .pw-panel-icon, .pw-panel-success > .pw-panel-icon { color: var(--pw-tip-fg); }
.pw-panel-warning, .pw-panel-error { background: var(--pw-warning-bg); }
.pw-panel-warning > .pw-panel-icon, .pw-panel-error > .pw-panel-icon { color: var(--pw-warning-fg); }
.pw-panel-purple { background: var(--pw-purple-bg); } .pw-panel-grey { background: var(--pw-subtle-bg); }
.pw-panel-custom { margin: 0.8em 0; border: 1px solid var(--pw-border); border-radius: 3px; }
.pw-panel-header { padding: 6px 12px; font-weight: 600; border-bottom: 1px solid var(--pw-border); }
.pw-panel-custom-content { padding: 8px 12px; }

.pw-expand { margin: 0.8em 0; } .pw-expand > summary { cursor: pointer; color: var(--pw-link); }
.pw-expand-body { padding: 4px 0 4px 18px; }
.pw-status { display: inline-block; padding: 0 4px; border-radius: 3px; border: 1px solid transparent;
  font-size: 11px; font-weight: 700; line-height: 16px; text-transform: uppercase; vertical-align: middle; color: #fff; }
.pw-status-grey { background: #42526e; } .pw-status-red { background: #de350b; }
.pw-status-yellow { background: #ff991f; color: #172b4d; } .pw-status-green { background: #00875a; }
.pw-status-blue { background: #0052cc; } .pw-status-purple { background: #5243aa; }
.pw-status-subtle { background: transparent; }
.pw-status-subtle.pw-status-grey { color: #42526e; border-color: #42526e; }
.pw-status-subtle.pw-status-red { color: #de350b; border-color: #de350b; }
.pw-status-subtle.pw-status-yellow { color: #ff8b00; border-color: #ff991f; }
.pw-status-subtle.pw-status-green { color: #00875a; border-color: #00875a; }
.pw-status-subtle.pw-status-blue { color: #0052cc; border-color: #0052cc; }
.pw-status-subtle.pw-status-purple { color: #5243aa; border-color: #5243aa; }

.pw-toc { display: block; margin: 0.8em 0; } .pw-toc-list { margin: 0; padding-left: 20px; }
.pw-toc-gap { list-style: none; }
.pw-task-list { list-style: none; padding-left: 4px; }
.pw-task { display: flex; gap: 6px; align-items: baseline; }
.pw-checkbox { font-size: 16px; line-height: 1; color: var(--pw-muted); }
.pw-task-complete > .pw-task-body { text-decoration: line-through; color: var(--pw-muted); }
.pw-task-body > p:first-child { margin-top: 0; }
.pw-layout-section { display: flex; gap: 20px; margin: 0.8em 0; }
.pw-layout-cell { flex: 1 1 0; min-width: 0; }
.pw-layout-section[data-layout="two_left_sidebar"] > .pw-layout-cell:first-child,
.pw-layout-section[data-layout="two_right_sidebar"] > .pw-layout-cell:last-child { flex: 0 0 30%; }
.pw-layout-section[data-layout="three_with_sidebars"] > .pw-layout-cell:first-child,
.pw-layout-section[data-layout="three_with_sidebars"] > .pw-layout-cell:last-child { flex: 0 0 20%; }
.pw-section { display: flex; gap: 20px; } .pw-section-border { border: 1px solid var(--pw-border); padding: 8px; }
.pw-column { flex: 1 1 0; min-width: 0; }
.pw-date { display: inline-block; padding: 0 4px; border-radius: 3px; background: var(--pw-subtle-bg); }
.pw-mention { padding: 0 4px; border-radius: 20px; background: var(--pw-subtle-bg); color: var(--pw-link); }
.pw-placeholder { color: var(--pw-muted); font-style: italic; }
.pw-image { display: inline-block; max-width: 100%; }
.pw-image-center { display: block; text-align: center; } .pw-image-left { float: left; margin-right: 12px; }
.pw-image-right { float: right; margin-left: 12px; } .pw-image-border { border: 1px solid var(--pw-border); }
.pw-image-caption { display: block; font-size: 12px; color: var(--pw-muted); text-align: center; }
.pw-image-missing, .pw-blocked { display: inline-block; padding: 2px 8px; border: 1px dashed var(--pw-border);
  border-radius: 3px; color: var(--pw-muted); font-size: 12px; }
.pw-macro { display: block; margin: 0.8em 0; padding: 6px 10px; border: 1px dashed var(--pw-border);
  border-radius: 3px; background: var(--pw-subtle-bg); font-size: 13px; }
span.pw-macro { display: inline-block; margin: 0; padding: 0 6px; }
.pw-macro-unknown, .pw-macro-inert { border-color: var(--pw-warning-fg); }
.pw-macro-name { font-weight: 600; } .pw-macro-note { color: var(--pw-muted); }
.pw-macro-params { display: flex; flex-wrap: wrap; gap: 4px 12px; color: var(--pw-muted); font-size: 12px; }
span.pw-macro-params, span.pw-macro-head { display: inline; margin-left: 6px; }
.pw-macro-param-name { font-weight: 600; }
.pw-macro-plain-body { margin: 4px 0 0; padding: 6px 8px; background: var(--pw-code-bg); }
.pw-macro-body { margin-top: 4px; font-size: 14px; }
.pw-details-hidden { opacity: 0.6; }
`;
