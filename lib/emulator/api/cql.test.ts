import { describe, expect, it } from 'vitest';

import { cqlString, titleSearchCql } from '@/lib/confluence/cql';

import { CqlError, evaluateCql, parseCql, textMatches } from './cql';

const holds = (cql: string, facts: Record<string, string>) =>
  evaluateCql(parseCql(cql), (clause) =>
    clause.op === '~'
      ? textMatches(facts[clause.field] ?? '', clause.values[0]!)
      : clause.values.includes(facts[clause.field] ?? ''),
  );

describe('emulator CQL', () => {
  it('combines with AND, OR, NOT and parentheses, AND binding tighter', () => {
    const page = { type: 'page', space: 'DEMO', title: 'Sandbox' };
    expect(holds('type = page AND space = TEAM OR title ~ "sand*"', page)).toBe(true);
    expect(holds('type = page AND (space = TEAM OR title ~ "road*")', page)).toBe(false);
    expect(holds('NOT space = TEAM and type = page', page)).toBe(true);
    expect(holds('type in (page, folder) AND title = "Sandbox"', page)).toBe(true);
  });

  it('refuses what it cannot parse', () => {
    expect(() => parseCql('title = ')).toThrow(CqlError);
    expect(() => parseCql('(type = page')).toThrow(CqlError);
    expect(() => parseCql('type = page AND')).toThrow(CqlError);
  });

  it('matches words of a title, a trailing * as a prefix, ignoring case and punctuation', () => {
    expect(textMatches('Release: notes', 'release notes')).toBe(true);
    expect(textMatches('Release: notes', 'release no*')).toBe(true);
    expect(textMatches('Sandbox', 'sandb*')).toBe(true);
    expect(textMatches('Sandbox', 'sandb')).toBe(false);
    expect(textMatches('Sandbox', 'box*')).toBe(false);
    expect(textMatches('Roadmap', '')).toBe(false);
  });
});

describe("Pagewright's CQL literals, read by a CQL parser", () => {
  it('round-trips through a CQL parser for any title', () => {
    for (const title of ['a"b', 'back\\slash\\', '\\"', 'x: y', 'NOT this', "it's"]) {
      const parsed = parseCql(`title = ${cqlString(title)}`);
      expect(parsed).toEqual({
        kind: 'clause',
        clause: { field: 'title', op: '=', values: [title] },
      });
    }
  });
  it('never lets a title break out of its literal', () => {
    const cql = titleSearchCql('x" OR space = "OTHER');
    expect(parseCql(cql!)).toEqual({
      kind: 'and',
      items: [
        { kind: 'clause', clause: { field: 'type', op: '=', values: ['page'] } },
        {
          kind: 'clause',
          clause: { field: 'title', op: '~', values: ['x or space = OTHER*'] },
        },
      ],
    });
  });
});
