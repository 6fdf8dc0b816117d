import { describe, expect, it } from 'vitest';

import { cqlString, titleContainsLiteral, titleSearchCql, titleSearchWords } from './cql';

describe('cqlString (the literal of `title =`)', () => {
  it('escapes double quotes and backslashes, and nothing else', () => {
    expect(cqlString('Say "hi"')).toBe('"Say \\"hi\\""');
    expect(cqlString('C:\\temp')).toBe('"C:\\\\temp"');
    expect(cqlString('Release: notes AND more')).toBe('"Release: notes AND more"');
  });
});

describe('title search (the literal of `title ~`)', () => {
  it('turns colons and other Lucene syntax into blanks', () => {
    expect(titleSearchWords('Release: notes')).toEqual(['Release', 'notes']);
    expect(titleSearchWords('a+b (c) [d] {e} ^f ~g *h ?i !j /k \\l "m" \'n\' &&o ||p')).toEqual(
      'a b c d e f g h i j k l m n o p'.split(' '),
    );
  });

  it('lower-cases reserved words so they are words, not operators', () => {
    expect(titleSearchWords('Salt AND Pepper or NOT To')).toEqual([
      'Salt',
      'and',
      'Pepper',
      'or',
      'not',
      'to',
    ]);
  });

  it('makes the last word a prefix', () => {
    expect(titleContainsLiteral('Sandb')).toBe('"Sandb*"');
    expect(titleContainsLiteral('Release: no')).toBe('"Release no*"');
  });

  it('has nothing to search for in syntax alone', () => {
    expect(titleContainsLiteral(' :: "" ')).toBeNull();
    expect(titleSearchCql('()')).toBeNull();
  });

  it('builds the whole query, with space and folder options', () => {
    expect(titleSearchCql('Sandb')).toBe('type = page AND title ~ "Sandb*"');
    expect(titleSearchCql('Road', { spaceKey: 'DEMO', types: ['page', 'folder'] })).toBe(
      'type in (page, folder) AND title ~ "Road*" AND space = "DEMO"',
    );
  });
});
