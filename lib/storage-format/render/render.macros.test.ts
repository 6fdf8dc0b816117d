import { describe, expect, it } from 'vitest';

import { renderToBody } from './render-test-support';

/** Each macro the preview draws, and the placeholder kinds for the ones it does not. */

const parameter = (name: string, value: string) =>
  `<ac:parameter ac:name="${name}">${value}</ac:parameter>`;

function macro(name: string, parameters: string, body = ''): string {
  return `<ac:structured-macro ac:name="${name}" ac:schema-version="1">${parameters}${body}</ac:structured-macro>`;
}

const rich = (xhtml: string) => `<ac:rich-text-body>${xhtml}</ac:rich-text-body>`;
const plain = (text: string) => `<ac:plain-text-body><![CDATA[${text}]]></ac:plain-text-body>`;

describe('code and noformat', () => {
  it('shows code as escaped text with title and language', () => {
    const body = renderToBody(
      macro(
        'code',
        parameter('language', 'html') + parameter('title', 'Example'),
        plain('<b>x</b>\n'),
      ),
    );
    expect(body.querySelector('b')).toBeNull();
    expect(body.querySelector('.pw-code pre code')?.textContent).toBe('<b>x</b>\n');
    expect(body.querySelector('.pw-code-title')?.textContent).toBe('Example');
    expect(body.querySelector('.pw-code-language')?.textContent).toBe('html');
  });

  it('numbers lines from firstline when linenumbers=true', () => {
    const body = renderToBody(
      macro(
        'code',
        parameter('linenumbers', 'true') + parameter('firstline', '10'),
        plain('a\nb\n'),
      ),
    );
    const code = body.querySelector('code.pw-code-numbered')!;
    expect(code.getAttribute('style')).toBe('counter-reset: pw-line 9');
    expect(Array.from(code.querySelectorAll('.pw-code-line')).map((l) => l.textContent)).toEqual([
      'a',
      'b',
    ]);
  });

  it('collapses behind a closed details when collapse=true', () => {
    const body = renderToBody(macro('code', parameter('collapse', 'true'), plain('x')));
    const details = body.querySelector('details.pw-code')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Expand source');
  });

  it('shows noformat as preformatted text, in a panel unless nopanel', () => {
    const body = renderToBody(
      macro('noformat', '', plain('\n  <i>raw</i>')) +
        macro('noformat', parameter('nopanel', 'true'), plain('bare')),
    );
    const blocks = body.querySelectorAll('pre.pw-noformat');
    expect(blocks[0]?.textContent).toBe('\n  <i>raw</i>');
    expect(blocks[1]?.classList.contains('pw-nopanel')).toBe(true);
  });
});

describe('panels', () => {
  it('draws info/note/tip/warning with icon, title and body', () => {
    for (const name of ['info', 'note', 'tip', 'warning']) {
      const body = renderToBody(macro(name, parameter('title', 'T'), rich('<p>B</p>')));
      const panel = body.querySelector(`.pw-panel-${name}[data-macro="${name}"]`)!;
      expect(panel.querySelector('.pw-panel-icon')).not.toBeNull();
      expect(panel.querySelector('.pw-panel-title')?.textContent).toBe('T');
      expect(panel.querySelector('.pw-panel-content p:last-child')?.textContent).toBe('B');
    }
  });

  it('hides the icon when icon=false', () => {
    const body = renderToBody(macro('info', parameter('icon', 'false'), rich('<p>B</p>')));
    expect(body.querySelector('.pw-panel-icon')).toBeNull();
  });

  it('colours a panel from validated parameters only', () => {
    const body = renderToBody(
      macro(
        'panel',
        parameter('title', 'Head') +
          parameter('bgColor', '#deebff') +
          parameter('borderStyle', 'dashed') +
          parameter('borderColor', 'red;position:fixed') +
          parameter('borderWidth', '2') +
          parameter('titleBGColor', 'navy') +
          parameter('titleColor', 'url(x)'),
        rich('<p>B</p>'),
      ),
    );
    const panel = body.querySelector('[data-macro="panel"]')!;
    expect(panel.getAttribute('style')).toBe(
      'border-style: dashed; border-width: 2px; background-color: #deebff',
    );
    expect(panel.querySelector('.pw-panel-header')?.getAttribute('style')).toBe(
      'background-color: navy',
    );
    expect(panel.querySelector('.pw-panel-header')?.textContent).toBe('Head');
  });
});

describe('expand, status, anchor, excerpt', () => {
  it('renders expand as a native closed details with its title', () => {
    const body = renderToBody(macro('expand', parameter('title', 'More'), rich('<p>Hidden</p>')));
    const details = body.querySelector('details.pw-expand')!;
    expect(details.querySelector('summary')?.textContent).toBe('More');
    expect(details.querySelector('.pw-expand-body')?.textContent).toBe('Hidden');
    const untitled = renderToBody(macro('expand', '', rich('<p>x</p>')));
    expect(untitled.querySelector('summary')?.textContent).toBe('Click here to expand...');
  });

  it('renders status lozenges with colour, title and subtle style', () => {
    const body = renderToBody(
      `<p>${macro('status', parameter('colour', 'Green') + parameter('title', 'Done'))}` +
        `${macro('status', parameter('colour', 'Blue') + parameter('subtle', 'true'))}` +
        `${macro('status', parameter('colour', 'constructor'))}</p>`,
    );
    const lozenges = Array.from(body.querySelectorAll('p > .pw-status'));
    expect(lozenges.map((l) => [l.className, l.textContent])).toEqual([
      ['pw-status pw-status-green', 'Done'],
      ['pw-status pw-status-blue pw-status-subtle', 'Blue'],
      ['pw-status pw-status-grey', 'Grey'],
    ]);
  });

  it('renders anchor as an element with the id an anchor link points at', () => {
    const body = renderToBody(
      `<p>${macro('anchor', parameter('', 'my anchor'))}</p><p><ac:link ac:anchor="my anchor"/></p>`,
    );
    const href = body.querySelector('a')?.getAttribute('href');
    expect(href).toBe('#user-content-myanchor');
    expect(body.querySelector(href!)).not.toBeNull();
  });

  it('shows an excerpt body unless hidden', () => {
    const body = renderToBody(
      macro('excerpt', '', rich('<p>Shown</p>')) +
        macro('excerpt', parameter('hidden', 'true'), rich('<p>Secret</p>')),
    );
    expect(body.querySelector('.pw-excerpt')?.textContent).toBe('Shown');
    expect(body.textContent).not.toContain('Secret');
  });
});

describe('toc', () => {
  const page = '<h1>One</h1><h2>Two</h2><h3>Three</h3><h2>Four</h2><h4>Deep</h4>';

  it('lists the headings as nested links, including headings after it', () => {
    const body = renderToBody(macro('toc', '') + page);
    const toc = body.querySelector('.pw-toc')!;
    const links = Array.from(toc.querySelectorAll('a'));
    expect(links.map((a) => a.textContent)).toEqual(['One', 'Two', 'Three', 'Four', 'Deep']);
    for (const link of links) expect(body.querySelector(link.getAttribute('href')!)).not.toBeNull();
    expect(toc.querySelector('ul > li > ul > li > ul > li > a')?.textContent).toBe('Three');
  });

  it('honours minLevel, maxLevel, flat type and outline numbering', () => {
    const ranged = renderToBody(
      macro('toc', parameter('minLevel', '2') + parameter('maxLevel', '3')) + page,
    );
    expect(Array.from(ranged.querySelectorAll('.pw-toc a')).map((a) => a.textContent)).toEqual([
      'Two',
      'Three',
      'Four',
    ]);
    const flat = renderToBody(
      macro('toc', parameter('type', 'flat') + parameter('maxLevel', '2')) + page,
    );
    expect(flat.querySelector('.pw-toc')?.textContent).toBe('[ One ] [ Two ] [ Four ]');
    const outline = renderToBody(
      macro('toc', parameter('outline', 'true') + parameter('maxLevel', '2')) + page,
    );
    expect(
      Array.from(outline.querySelectorAll('.pw-toc-number')).map((n) => n.textContent?.trim()),
    ).toEqual(['1', '1.1', '1.2']);
  });

  it('carries the source line when it is a top-level block', () => {
    const body = renderToBody('<p>x</p>\n' + macro('toc', '') + page);
    expect(body.querySelector('.pw-toc')?.getAttribute('data-source-line')).toBe('2');
  });
});

describe('macros the preview does not draw', () => {
  it('labels known dynamic macros and shows their parameters as text', () => {
    const body = renderToBody(
      macro(
        'children',
        parameter('depth', '2') +
          parameter(
            'page',
            '<ac:link><ri:page ri:space-key="S" ri:content-title="Home"/></ac:link>',
          ),
      ) + `<p>${macro('jira', parameter('key', 'ABC-1'))}</p>`,
    );
    const children = body.querySelector('[data-macro="children"]')!;
    expect(children.getAttribute('data-fidelity')).toBe('placeholder');
    expect(children.querySelector('.pw-macro-name')?.textContent).toBe('Children display');
    expect(children.querySelector('.pw-macro-params')?.textContent).toBe('depth = 2page = S:Home');
    const jira = body.querySelector('p > span[data-macro="jira"]')!;
    expect(jira.textContent).toContain('ABC-1');
  });

  it('shows unknown macros as an inert box with name, parameters and body', () => {
    const body = renderToBody(
      macro(
        'no-such-macro',
        parameter('x', '<b>1</b>'.replace(/</g, '&lt;')),
        rich('<p>kept</p>'),
      ) + '<ac:structured-macro><ac:parameter ac:name="a">b</ac:parameter></ac:structured-macro>',
    );
    const box = body.querySelector('[data-macro="no-such-macro"]')!;
    expect(box.getAttribute('data-fidelity')).toBe('unknown');
    expect(box.querySelector('.pw-macro-name')?.textContent).toBe('no-such-macro');
    expect(box.querySelector('b')).toBeNull();
    expect(box.querySelector('.pw-macro-param-value')?.textContent).toBe('<b>1</b>');
    expect(box.querySelector('.pw-macro-body')?.textContent).toBe('kept');
    expect(body.querySelectorAll('[data-fidelity="unknown"]')[1]?.textContent).toContain(
      '(unnamed macro)',
    );
  });

  it('renders the legacy ac:macro form too', () => {
    const body = renderToBody(
      '<ac:macro ac:name="info"><ac:default-parameter>x</ac:default-parameter><ac:rich-text-body><p>old</p></ac:rich-text-body></ac:macro>',
    );
    expect(body.querySelector('.pw-panel-info')?.textContent).toContain('old');
  });

  it('lays out the old section and column macros side by side', () => {
    const body = renderToBody(
      macro(
        'section',
        '',
        rich(
          macro('column', parameter('width', '30%'), rich('<p>a</p>')) +
            macro('column', '', rich('<p>b</p>')),
        ),
      ),
    );
    const columns = body.querySelectorAll('.pw-section > .pw-column');
    expect(columns).toHaveLength(2);
    expect(columns[0]?.getAttribute('style')).toBe('flex: 0 0 30%');
  });

  it('shows page properties tables, labelled when hidden', () => {
    const table = '<table><tbody><tr><th>Owner</th><td>Ada</td></tr></tbody></table>';
    const body = renderToBody(macro('details', parameter('hidden', 'true'), rich(table)));
    expect(body.querySelector('.pw-details-hidden td')?.textContent).toBe('Ada');
    expect(body.querySelector('.pw-details-hidden .pw-macro-note')).not.toBeNull();
  });
});
