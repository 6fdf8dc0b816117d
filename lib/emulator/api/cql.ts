/**
 * The CQL subset Pagewright (and typical scripts) use: `field op value` clauses joined by AND.
 * Fields: space, title, type, status, id, parent, ancestor. Ops: `=`, `!=`, `~` (contains), `in (…)`.
 */
export interface CqlClause {
  field: string;
  op: '=' | '!=' | '~' | 'in';
  values: string[];
}

export class CqlError extends Error {}

const TOKEN =
  /\s*(?:(\()|(\))|(,)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(!=|=|~)|([A-Za-z0-9_.:\-]+))/y;

function tokenize(cql: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < cql.length) {
    if (/^\s*$/.test(cql.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(cql);
    if (!match) throw new CqlError(`Could not parse cql : ${cql} (at character ${at + 1})`);
    tokens.push(match[0].trim());
  }
  return tokens;
}

function unquote(token: string): string {
  return /^["']/.test(token) ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
}

/** Parses the supported subset; throws CqlError with Confluence-like wording otherwise. */
export function parseCql(cql: string): CqlClause[] {
  const tokens = tokenize(cql.replace(/\s+order\s+by\s+.*$/i, ''));
  const clauses: CqlClause[] = [];
  let index = 0;
  const fail = (): never => {
    throw new CqlError(`Could not parse cql : ${cql}`);
  };
  while (index < tokens.length) {
    const field = tokens[index++]?.toLowerCase() ?? fail();
    const op = tokens[index++]?.toLowerCase() ?? fail();
    if (op === 'in') {
      if (tokens[index++] !== '(') fail();
      const values: string[] = [];
      while (tokens[index] !== ')') {
        values.push(unquote(tokens[index++] ?? fail()));
        if (tokens[index] === ',') index += 1;
      }
      index += 1;
      clauses.push({ field, op: 'in', values });
    } else if (op === '=' || op === '!=' || op === '~') {
      clauses.push({ field, op, values: [unquote(tokens[index++] ?? fail())] });
    } else {
      fail();
    }
    if (index < tokens.length) {
      if (tokens[index]?.toLowerCase() !== 'and') fail();
      index += 1;
    }
  }
  return clauses;
}
