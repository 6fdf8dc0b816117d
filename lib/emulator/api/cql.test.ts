import { describe, expect, it } from 'vitest';

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
