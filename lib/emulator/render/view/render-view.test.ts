import { describe, expect, it } from 'vitest';

import { buildSeed, SEED_IDS } from '../../seed/build-seed';
import { EmulatorStore } from '../../store/store';
import { renderView, type RenderSource } from './render-view';

const store = new EmulatorStore(buildSeed(), () => undefined);
const demo = store.users()[0]!;
const showcase = store.visiblePage(SEED_IDS.macroShowcase, demo)!;
const source = (flavour: 'dc' | 'cloud' = 'dc'): RenderSource => ({
  ctx: { flavour, base: 'http://host/confluence', context: '/confluence', store, user: demo },
  page: showcase,
});

describe('renderView', () => {
  const html = renderView(showcase.current.body, 'view', source());

  it('renders the showcase macros the way Confluence marks them up', () => {
    for (const marker of [
      'confluence-information-macro-information',
      'confluence-information-macro-tip',
      'confluence-information-macro-note',
      'confluence-information-macro-warning',
      'class="panel conf-macro',
      'class="syntaxhighlighter-pre"',
      'class="preformatted panel',
      'class="expand-container',
      'class="toc-macro',
      'aui-lozenge-success',
      'data-jira-key="DEMO-42"',
      'class="childpages-macro',
      'class="confluence-anchor-link conf-macro output-inline" id="showcase-anchor"',
      'class="plugin-tabmeta-details',
      'class="inline-task-list"',
      'class="columnLayout two-equal"',
      'class="emoticon emoticon-smile"',
      'class="confluence-userlink user-mention"',
      '<span class="error">Unknown macro: {no-such-macro}</span>',
    ]) {
      expect(html).toContain(marker);
    }
  });

  it('resolves links, mentions, images and the excerpt of another page', () => {
    expect(html).toContain('href="/confluence/display/DEMO/Sandbox"');
    expect(html).toContain('>Alex Other</a>');
    expect(html).toContain('src="/confluence/download/attachments/9470043/gradient.png?version=1');
    expect(html).toContain(
      'class="confluence-embedded-image confluence-external-resource" src="https://example.com/logo.png"',
    );
    expect(html).toMatch(
      /<div class="panel conf-macro output-block"[^>]*><div class="panelHeader"><b>Sandbox<\/b>/,
    );
  });

  it('wraps tables with confluenceTable/Th/Td classes and gives headings ids for the toc', () => {
    const table = renderView(
      '<table><tbody><tr><th>H</th></tr><tr><td>C</td></tr></tbody></table><h2>Two words</h2>',
      'view',
      source(),
    );
    expect(table).toBe(
      '<div class="table-wrap"><table class="confluenceTable"><tbody><tr><th class="confluenceTh">H</th></tr><tr><td class="confluenceTd">C</td></tr></tbody></table></div>' +
        '<h2 id="Macroshowcase-Twowords">Two words</h2>',
    );
  });

  it('escapes text, drops scripts and javascript: URLs, and shows a placeholder for missing attachments', () => {
    const out = renderView(
      '<p>&lt;b&gt; &amp; <a href="javascript:alert(1)" onclick="x()">x</a></p><script>alert(1)</script><ac:image><ri:attachment ri:filename="nope.png" /></ac:image>',
      'view',
      source(),
    );
    expect(out).toContain('<p>&lt;b&gt; &amp; <a href="#">x</a></p>');
    expect(out).not.toContain('script');
    expect(out).not.toContain('onclick');
    expect(out).toContain('/confluence/plugins/servlet/confluence/placeholder/unknown-attachment');
  });

  it('uses absolute URLs in export_view and embeds CSS in styled_view', () => {
    expect(
      renderView(
        '<p><ac:link><ri:page ri:content-title="Roadmap" /></ac:link></p>',
        'export_view',
        source('cloud'),
      ),
    ).toContain('href="http://host/confluence/spaces/DEMO/pages/9470048/Roadmap"');
    expect(renderView('<p>x</p>', 'styled_view', source())).toMatch(
      /^<style type="text\/css">.*<\/style><div class="wiki-content"><p>x<\/p><\/div>$/,
    );
  });
});
