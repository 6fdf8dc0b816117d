/**
 * A body carrying the markup Confluence Cloud's editor writes (docs/confluence-api.md §11), on
 * one line as Cloud stores it: local ids, a table with width and layout, an inline, a block and
 * an embed card, `ri:version-at-save`, a macro with `ac:macro-id`, a layout, a task list, a Cloud
 * note panel and a decision list as `ac:adf-extension`s (the second with its fallback).
 */
export const CLOUD_EDITOR_BODY = [
  '<h1 local-id="a1">Title</h1>',
  '<p local-id="p1">See <a href="https://example.com/x" data-card-appearance="inline">https://example.com/x</a>',
  ' and <ac:link><ri:page ri:content-title="Other" ri:version-at-save="3" /></ac:link>.</p>',
  '<table data-table-width="760" data-layout="wide" ac:local-id="t1"><tbody>',
  '<tr><th local-id="c1"><p>H</p></th></tr><tr><td><p>x</p></td></tr></tbody></table>',
  '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute>',
  '<ac:adf-content><p>A note panel.</p></ac:adf-content></ac:adf-node>',
  '<ac:adf-fallback><div class="panel"><p>A note panel.</p></div></ac:adf-fallback></ac:adf-extension>',
  '<ac:adf-extension><ac:adf-node type="decision-list"><ac:adf-attribute key="local-id">d1</ac:adf-attribute>',
  '<ac:adf-node type="decision-item"><ac:adf-attribute key="local-id">d2</ac:adf-attribute>',
  '<ac:adf-attribute key="state">DECIDED</ac:adf-attribute><ac:adf-content>Ship it</ac:adf-content></ac:adf-node></ac:adf-node>',
  '<ac:adf-fallback><ul class="decision-list"><li>Ship it</li></ul></ac:adf-fallback></ac:adf-extension>',
  '<ac:structured-macro ac:name="info" ac:schema-version="1" ac:local-id="m1" ac:macro-id="abc-123">',
  '<ac:rich-text-body><p>Hi</p></ac:rich-text-body></ac:structured-macro>',
  '<p><a href="https://example.com/y" data-card-appearance="block">https://example.com/y</a></p>',
  '<p><a href="https://example.com/z" data-card-appearance="embed" data-layout="center" data-width="100">https://example.com/z</a></p>',
  '<ac:layout><ac:layout-section ac:type="two_equal" ac:breakout-mode="default" ac:local-id="ls1">',
  '<ac:layout-cell ac:local-id="lc1"><p>L</p></ac:layout-cell><ac:layout-cell><p>R</p></ac:layout-cell>',
  '</ac:layout-section></ac:layout>',
  '<ac:task-list ac:task-list-id="tl1"><ac:task><ac:task-id>1</ac:task-id><ac:task-uuid>u1</ac:task-uuid>',
  '<ac:task-status>incomplete</ac:task-status><ac:task-body>do</ac:task-body></ac:task></ac:task-list>',
].join('');

/** Does a body carry Cloud editor markup? (Which corpus bodies count as Cloud-editor bodies.) */
export function hasCloudEditorMarkup(body: string): boolean {
  return /\b(ac:)?local-id=|data-layout=|data-table-width=|<ac:adf-|data-card-appearance=|ri:version-at-save=|ac:macro-id=/.test(
    body,
  );
}
