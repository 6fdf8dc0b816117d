/**
 * The CQL subset Pagewright (and typical scripts) use: `field op value` clauses combined with
 * AND, OR, NOT and parentheses (AND binds tighter than OR, as in Confluence).
 * Fields: space, title, type, status, id, parent, ancestor. Ops: `=`, `!=`, `~` (text), `in (…)`.
 */
export interface CqlClause {
  field: string;
  op: '=' | '!=' | '~' | 'in';
  values: string[];
}

export type CqlExpression =
  | { kind: 'clause'; clause: CqlClause }
  | { kind: 'and' | 'or'; items: CqlExpression[] }
  | { kind: 'not'; item: CqlExpression };

export class CqlError extends Error {}

const TOKEN =
  /\s*(?:(\()|(\))|(,)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(!=|=|~)|([A-Za-z0-9_.:*\-]+))/y;

interface Token {
  text: string;
  quoted: boolean;
}

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < cql.length) {
    if (/^\s*$/.test(cql.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(cql);
    if (!match) throw new CqlError(`Could not parse cql : ${cql} (at character ${at + 1})`);
    tokens.push({ text: match[0].trim(), quoted: match[4] !== undefined });
  }
  return tokens;
}

function unquote(token: Token): string {
  return token.quoted ? token.text.slice(1, -1).replace(/\\(.)/g, '$1') : token.text;
}

/** Parses the supported subset; throws CqlError with Confluence-like wording otherwise. */
export function parseCql(cql: string): CqlExpression {
  const tokens = tokenize(cql.replace(/\s+order\s+by\s+.*$/i, ''));
  let index = 0;
  const fail = (): never => {
    throw new CqlError(`Could not parse cql : ${cql}`);
  };
  const peekWord = (): string | undefined => {
    const token = tokens[index];
    return token && !token.quoted ? token.text.toLowerCase() : undefined;
  };
  const next = (): Token => tokens[index++] ?? fail();

  function clause(): CqlExpression {
    const field = next();
    if (field.quoted) fail();
    const op = next().text.toLowerCase();
    if (op === 'in') {
      if (next().text !== '(') fail();
      const values: string[] = [];
      while (tokens[index]?.text !== ')') {
        values.push(unquote(next()));
        if (tokens[index]?.text === ',') index += 1;
      }
      index += 1;
      return { kind: 'clause', clause: { field: field.text.toLowerCase(), op: 'in', values } };
    }
    if (op !== '=' && op !== '!=' && op !== '~') fail();
    return {
      kind: 'clause',
      clause: {
        field: field.text.toLowerCase(),
        op: op as '=' | '!=' | '~',
        values: [unquote(next())],
      },
    };
  }

  function unary(): CqlExpression {
    if (peekWord() === 'not') {
      index += 1;
      return { kind: 'not', item: unary() };
    }
    if (tokens[index]?.text === '(' && !tokens[index]?.quoted) {
      index += 1;
      const inner = or();
      if (next().text !== ')') fail();
      return inner;
    }
    return clause();
  }

  /** `operand (word operand)*`: one precedence level; AND binds tighter than OR. */
  function joined(word: 'and' | 'or', operand: () => CqlExpression): CqlExpression {
    const items = [operand()];
    while (peekWord() === word) {
      index += 1;
      items.push(operand());
    }
    return items.length === 1 ? items[0]! : { kind: word, items };
  }

  function and(): CqlExpression {
    return joined('and', unary);
  }

  function or(): CqlExpression {
    return joined('or', and);
  }

  if (tokens.length === 0) fail();
  const expression = or();
  if (index < tokens.length) fail();
  return expression;
}

/** Whether `expression` holds, given how each clause evaluates. */
export function evaluateCql(
  expression: CqlExpression,
  clauseHolds: (clause: CqlClause) => boolean,
): boolean {
  switch (expression.kind) {
    case 'clause':
      return clauseHolds(expression.clause);
    case 'and':
      return expression.items.every((item) => evaluateCql(item, clauseHolds));
    case 'or':
      return expression.items.some((item) => evaluateCql(item, clauseHolds));
    case 'not':
      return !evaluateCql(expression.item, clauseHolds);
  }
}

/**
 * Confluence's text match (`~`) on a title: every word of the query must be a word of the title
 * (case ignored); a trailing `*` makes that word a prefix. Lucene-escaped characters count as
 * themselves.
 */
export function textMatches(candidate: string, query: string): boolean {
  const words = candidate
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const terms = query
    .replace(/\\(.)/g, '$1')
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((term) => term.replace(/\*/g, '') !== '');
  if (terms.length === 0) return false;
  return terms.every((term) => {
    if (term.endsWith('*')) {
      const prefix = term.replace(/\*/g, '');
      return words.some((word) => word.startsWith(prefix));
    }
    return words.includes(term.replace(/\*/g, ''));
  });
}
