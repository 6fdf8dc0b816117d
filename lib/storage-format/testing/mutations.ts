/**
 * Deterministic mutations of storage bodies for differential tests against Confluence's parser:
 * the kinds of damage real edits and broken converters do (a lost character, a stray `&`, a
 * dropped close tag, a cut-off body, an HTML-ism).
 */

/** Small seeded PRNG (mulberry32) so every run tests the same bodies. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutation {
  kind: string;
  body: string;
}

const INSERTABLE = [
  '<',
  '>',
  '&',
  '/',
  '"',
  "'",
  '=',
  ';',
  ']]>',
  ' ',
  '<br>',
  '&nbsp',
  '&bogus;',
  '\u0001',
  '</p>',
  '<!DOCTYPE x>',
  'x:',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function positionsOf(source: string, pattern: RegExp): number[] {
  return [...source.matchAll(pattern)].map((match) => match.index);
}

/** Returns `count` mutated copies of `source`, each with one kind of damage. */
export function mutate(source: string, count: number, seed: number): Mutation[] {
  const random = createRandom(seed);
  const out: Mutation[] = [];
  const at = () => Math.floor(random() * (source.length + 1));
  const kinds: Array<() => Mutation | null> = [
    () => {
      const i = at();
      return { kind: 'delete-char', body: source.slice(0, i) + source.slice(i + 1) };
    },
    () => {
      const i = at();
      return {
        kind: 'insert',
        body: source.slice(0, i) + pick(random, INSERTABLE) + source.slice(i),
      };
    },
    () => ({ kind: 'truncate', body: source.slice(0, at()) }),
    () => {
      const closes = positionsOf(source, /<\/[^>]+>/g);
      if (closes.length === 0) return null;
      const i = pick(random, closes);
      const end = source.indexOf('>', i) + 1;
      return { kind: 'drop-close-tag', body: source.slice(0, i) + source.slice(end) };
    },
    () => {
      const closers = positionsOf(source, /\/>/g);
      if (closers.length === 0) return null;
      const i = pick(random, closers);
      return { kind: 'unself-close', body: source.slice(0, i) + source.slice(i + 1) };
    },
    () => {
      const quotes = positionsOf(source, /="/g);
      if (quotes.length === 0) return null;
      const i = pick(random, quotes) + 1;
      return { kind: 'drop-quote', body: source.slice(0, i) + source.slice(i + 1) };
    },
    () => {
      const entities = positionsOf(source, /&[a-zA-Z#][a-zA-Z0-9]*;/g);
      if (entities.length === 0) return null;
      const i = pick(random, entities);
      const semi = source.indexOf(';', i);
      return { kind: 'drop-semicolon', body: source.slice(0, semi) + source.slice(semi + 1) };
    },
  ];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const mutation = pick(random, kinds)();
    if (mutation && mutation.body !== source) out.push(mutation);
  }
  return out;
}
