import { describe, expect, it } from 'vitest';

import { readCorpus } from './testing/corpus';
import { CLOUD_EDITOR_BODY, hasCloudEditorMarkup } from './testing/cloud-editor-body';
import { validateStorage } from './validate';

const CLOUD_CODES = new Set([
  'adf_extension_without_node',
  'adf_part_misplaced',
  'adf_node_without_type',
  'adf_attribute_without_key',
  'card_appearance_unknown',
  'card_without_href',
  'table_width_ignored',
]);

const codes = (body: string) => validateStorage(body).map((d) => d.code);

describe('the markup of the Cloud editor', () => {
  it('raises nothing on a body written by the Cloud editor', () => {
    expect(validateStorage(CLOUD_EDITOR_BODY)).toEqual([]);
  });

  it('raises none of its warnings on the corpus’s Cloud-editor bodies (or any other)', () => {
    const cloud = readCorpus('valid').filter(({ body }) => hasCloudEditorMarkup(body));
    expect(cloud.length).toBeGreaterThanOrEqual(10);
    for (const { name, body } of readCorpus('valid')) {
      const found = validateStorage(body).filter((d) => CLOUD_CODES.has(d.code));
      expect(found, name).toEqual([]);
    }
    // Nor a warning pointing into Cloud-only markup.
    for (const { name, body } of cloud) {
      const lines = body.split('\n');
      for (const d of validateStorage(body)) {
        if (d.severity === 'info') continue;
        const line = lines[d.line - 1] ?? '';
        const at = line.slice(d.column - 1, d.column + 40);
        expect(at, `${name}: ${d.code}`).not.toMatch(/^<ac:adf-|^data-card|^local-id|^ac:local-id/);
      }
    }
  });

  it('warns about an ac:adf-extension without its node', () => {
    expect(
      codes('<ac:adf-extension><ac:adf-fallback><p>x</p></ac:adf-fallback></ac:adf-extension>'),
    ).toEqual(['adf_extension_without_node']);
  });

  it('warns about the parts of a node outside their wrapper', () => {
    expect(
      codes('<ac:adf-node type="panel"><ac:adf-content><p>x</p></ac:adf-content></ac:adf-node>'),
    ).toEqual(['adf_part_misplaced']);
    expect(codes('<p><ac:adf-attribute key="k">v</ac:adf-attribute></p>')).toEqual([
      'adf_part_misplaced',
    ]);
    expect(codes('<ac:adf-fallback><p>x</p></ac:adf-fallback>')).toEqual(['adf_part_misplaced']);
  });

  it('warns about a node without a type and an attribute without a key', () => {
    expect(
      codes(
        '<ac:adf-extension><ac:adf-node><ac:adf-attribute>v</ac:adf-attribute></ac:adf-node></ac:adf-extension>',
      ),
    ).toEqual(['adf_node_without_type', 'adf_attribute_without_key']);
  });

  it('warns about a card Confluence does not draw, and a card without an address', () => {
    expect(codes('<p><a href="https://x" data-card-appearance="huge">x</a></p>')).toEqual([
      'card_appearance_unknown',
    ]);
    expect(codes('<p><a data-card-appearance="inline">x</a></p>')).toEqual(['card_without_href']);
  });

  it('advises when a table width is not a number of pixels', () => {
    const found = validateStorage(
      '<table data-table-width="wide"><tbody><tr><td>x</td></tr></tbody></table>',
    );
    expect(found.map((d) => [d.severity, d.code])).toEqual([['info', 'table_width_ignored']]);
    expect(
      codes('<table data-table-width="1800"><tbody><tr><td>x</td></tr></tbody></table>'),
    ).toEqual([]);
  });
});
