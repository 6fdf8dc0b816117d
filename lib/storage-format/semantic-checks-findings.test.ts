import { describe, expect, it } from 'vitest';

import { codes, macro, parameter, plain, rich } from './testing/semantic-check-helpers';

interface Case {
  code: string;
  severity?: 'warning' | 'info';
  bad: string;
  good: string;
}

// Each finding on a minimal body, next to the correct form that must stay silent.
const CASES: Record<string, Case> = {
  'unknown macro name': {
    code: 'unknown_macro',
    bad: macro('infoo', rich('<p>x</p>')),
    good: macro('info', rich('<p>x</p>')),
  },
  'macro name with spaces around it': {
    code: 'unknown_macro',
    bad: macro(' toc '),
    good: macro('toc'),
  },
  'macro name in capitals': {
    code: 'unknown_macro',
    severity: 'info',
    bad: macro('TOC'),
    good: macro('toc'),
  },
  'unknown parameter of a known macro': {
    code: 'unknown_macro_parameter',
    bad: macro('info', parameter('titel', 'Hi') + rich('<p>x</p>')),
    good: macro('info', parameter('title', 'Hi') + rich('<p>x</p>')),
  },
  'missing required parameter': {
    code: 'missing_macro_parameter',
    bad: `<p>${macro('anchor')}</p>`,
    good: `<p>${macro('anchor', parameter('', 'top'))}</p>`,
  },
  'blank required parameter': {
    code: 'missing_macro_parameter',
    bad: macro('include', parameter('', '   ')),
    good: macro('include', parameter('', '<ac:link><ri:page ri:content-title="Home"/></ac:link>')),
  },
  'value outside an enum': {
    code: 'invalid_macro_parameter_value',
    bad: `<p>${macro('status', parameter('colour', 'Orange'))}</p>`,
    good: `<p>${macro('status', parameter('colour', 'green'))}</p>`,
  },
  'non-boolean value': {
    code: 'invalid_macro_parameter_value',
    bad: macro('code', parameter('linenumbers', 'yes') + plain('x')),
    good: macro('code', parameter('linenumbers', 'TRUE') + plain('x')),
  },
  'non-numeric value': {
    code: 'invalid_macro_parameter_value',
    bad: macro('toc', parameter('maxLevel', 'three')),
    good: macro('toc', parameter('maxLevel', '3')),
  },
  'rich body on a plain-body macro': {
    code: 'wrong_macro_body',
    bad: macro('code', rich('<p>int x;</p>')),
    good: macro('code', plain('int x;')),
  },
  'plain body on a rich-body macro': {
    code: 'wrong_macro_body',
    bad: macro('info', plain('hello')),
    good: macro('info', rich('<p>hello</p>')),
  },
  'body on a body-less macro': {
    code: 'wrong_macro_body',
    bad: macro('toc', rich('<p>x</p>')),
    good: macro('toc'),
  },
  'ri:page directly in a paragraph': {
    code: 'misplaced_resource_identifier',
    bad: '<p>See <ri:page ri:content-title="Home"/></p>',
    good: '<p>See <ac:link><ri:page ri:content-title="Home"/></ac:link></p>',
  },
  'ri:page directly in an image': {
    code: 'misplaced_resource_identifier',
    bad: '<ac:image><ri:page ri:content-title="Home"/></ac:image>',
    good: '<ac:image><ri:attachment ri:filename="a.png"/></ac:image>',
  },
  'ri:user inside ri:attachment': {
    code: 'misplaced_resource_identifier',
    bad: '<ac:link><ri:attachment ri:filename="a.pdf"><ri:user ri:account-id="1"/></ri:attachment></ac:link>',
    good: '<ac:link><ri:attachment ri:filename="a.pdf"><ri:page ri:content-title="P"/></ri:attachment></ac:link>',
  },
  'ri:url at the top level': {
    code: 'misplaced_resource_identifier',
    bad: '<ri:url ri:value="https://example.org/a.png"/>',
    good: '<ac:image><ri:url ri:value="https://example.org/a.png"/></ac:image>',
  },
  'relative img src': {
    code: 'img_instead_of_ac_image',
    bad: '<p><img src="images/diagram.png"/></p>',
    good: '<p><ac:image><ri:attachment ri:filename="diagram.png"/></ac:image></p>',
  },
  'absolute img src (advice)': {
    code: 'img_instead_of_ac_image',
    severity: 'info',
    bad: '<p><img src="https://example.org/a.png"/></p>',
    good: '<p><ac:image><ri:url ri:value="https://example.org/a.png"/></ac:image></p>',
  },
  'table inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p>Intro<table><tbody><tr><td>x</td></tr></tbody></table></p>',
    good: '<p>Intro</p><table><tbody><tr><td>x</td></tr></tbody></table>',
  },
  'paragraph inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p><p>x</p></p>',
    good: '<p>x</p>',
  },
  'list inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p>Items:<ul><li>a</li></ul></p>',
    good: '<p>Items:</p><ul><li>a</li></ul>',
  },
  'heading inside a paragraph': {
    code: 'block_in_paragraph',
    bad: '<p><h2>Title</h2></p>',
    good: '<h2>Title</h2>',
  },
  'block macro sharing a paragraph with text': {
    code: 'block_in_paragraph',
    bad: `<p>Example: ${macro('code', plain('x'))}</p>`,
    // Exporters wrap a block macro in its own <p>: that is normal (docs/storage-format.md §5).
    good: `<p>Example:</p><p>${macro('code', plain('x'))}</p>`,
  },
  'empty link': {
    code: 'empty_link',
    bad: '<p>See <ac:link></ac:link></p>',
    good: '<p>See <ac:link><ri:page ri:content-title="Home"/></ac:link></p>',
  },
  'parameter value indented by a pretty-printer': {
    code: 'whitespace_in_parameter',
    bad: macro('code', `\n  ${parameter('language', '\n    java\n  ')}\n  ${plain('x')}\n`),
    good: macro('code', `\n  ${parameter('language', 'java')}\n  ${plain('x')}\n`),
  },
  'space around a boolean value': {
    code: 'whitespace_in_parameter',
    bad: macro('noformat', parameter('nopanel', 'true ') + plain('x')),
    good: macro('noformat', parameter('nopanel', 'true') + plain('x')),
  },
  'legacy ac:macro': {
    code: 'legacy_macro',
    severity: 'info',
    bad: `<ac:macro ac:name="code">${plain('x')}</ac:macro>`,
    good: macro('code', plain('x')),
  },
  'macro without a name': {
    code: 'macro_without_name',
    bad: `<ac:structured-macro>${parameter('title', 'x')}</ac:structured-macro>`,
    good: macro('info', parameter('title', 'x') + rich('<p>y</p>')),
  },
  'duplicate macro id': {
    code: 'duplicate_macro_id',
    severity: 'info',
    bad: '<ac:structured-macro ac:name="toc" ac:macro-id="a1"/><ac:structured-macro ac:name="toc" ac:macro-id="a1"/>',
    good: '<ac:structured-macro ac:name="toc" ac:macro-id="a1"/><ac:structured-macro ac:name="toc" ac:macro-id="a2"/>',
  },
  'layout section with too many cells': {
    code: 'layout_cell_count',
    bad: '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><p>a</p></ac:layout-cell><ac:layout-cell><p>b</p></ac:layout-cell><ac:layout-cell><p>c</p></ac:layout-cell></ac:layout-section></ac:layout>',
    good: '<ac:layout><ac:layout-section ac:type="three_equal"><ac:layout-cell><p>a</p></ac:layout-cell><ac:layout-cell><p>b</p></ac:layout-cell><ac:layout-cell><p>c</p></ac:layout-cell></ac:layout-section></ac:layout>',
  },
  'task without status': {
    code: 'malformed_task',
    bad: '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-body>Do it</ac:task-body></ac:task></ac:task-list>',
    good: '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Do it</ac:task-body></ac:task></ac:task-list>',
  },
  'task with an unknown status': {
    code: 'malformed_task',
    bad: '<ac:task-list><ac:task><ac:task-status>done</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>',
    good: '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>',
  },
  'anchor link to nothing on the page': {
    code: 'unresolved_anchor',
    severity: 'info',
    bad: `<h2>Setup</h2><p><ac:link ac:anchor="install"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
    good: `<h2>Setup</h2><p>${macro('anchor', parameter('', 'install'))}</p><p><ac:link ac:anchor="install"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
  },
  'anchor link to a heading, matched without whitespace and case': {
    code: 'unresolved_anchor',
    severity: 'info',
    bad: `<h2>Set\tup\u00a0Guide</h2><p><ac:link ac:anchor="SetupGuides"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
    good: `<h2>Set\tup\u00a0Guide</h2><h3>Über  Uns</h3><p><ac:link ac:anchor="setupguide"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link><ac:link ac:anchor="über uns"><ac:plain-text-link-body><![CDATA[go]]></ac:plain-text-link-body></ac:link></p>`,
  },
};

describe('checkSemantics: each finding, and silence on the correct form', () => {
  it.each(Object.entries(CASES))('%s', (_title, { code, severity = 'warning', bad, good }) => {
    expect(codes(bad)).toContain(`${severity} ${code}`);
    expect(codes(good)).toEqual([]);
  });
});
