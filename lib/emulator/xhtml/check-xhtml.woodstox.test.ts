import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  nestingLimitBodies,
  WoodstoxOracle,
  woodstoxAvailable,
} from '@/lib/testing/woodstox/woodstox-oracle';

import { checkStorageXhtml } from './check-xhtml';

const corpus = resolve(__dirname, '../../../../shared/corpus/storage');
const available = woodstoxAvailable();
if (!available)
  console.warn('Woodstox (Java + libwoodstox-java) not found: oracle comparison skipped.');

function verdictKey(verdict: {
  ok: boolean;
  line?: number;
  column?: number;
  message?: string;
}): string {
  return verdict.ok ? 'ok' : `${verdict.line}:${verdict.column} ${verdict.message}`;
}

/** Deterministic PRNG so the mutation set is the same on every run. */
function prng(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const SNIPPETS = [
  '<',
  '>',
  '&',
  '/',
  '"',
  "'",
  '=',
  ']]>',
  '<br>',
  '</p>',
  '<!--',
  '--',
  '&nbsp;',
  '&#x0;',
  ' ',
  ':',
  'x:y',
  '<![CDATA[',
  '<?',
  '\u0001',
  '&bogus;',
  '😀',
  '\r\n',
  '<!DOCTYPE x>',
  '</xml>',
];

describe.skipIf(!available)('emulator XHTML check vs Woodstox', () => {
  let oracle: WoodstoxOracle;
  beforeAll(() => {
    oracle = WoodstoxOracle.start();
  });
  afterAll(() => oracle.stop());

  const files = ['valid', 'invalid', 'edge-cases'].flatMap((kind) =>
    readdirSync(join(corpus, kind)).map((name) => ({
      name: `${kind}/${name}`,
      body: readFileSync(join(corpus, kind, name), 'utf8'),
    })),
  );

  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it.each(files)('$name: same verdict, message, line and column', async ({ body }) => {
    expect(verdictKey(checkStorageXhtml(body))).toBe(verdictKey(await oracle.check(body)));
  });

  it('agrees on the nesting limit (Woodstox words it without a position)', async () => {
    const bodies = nestingLimitBodies();
    for (const body of bodies) {
      const ours = checkStorageXhtml(body);
      const theirs = await oracle.check(body);
      expect(ours.ok ? 'ok' : ours.message).toBe(theirs.ok ? 'ok' : theirs.message);
    }
  });

  it('agrees on 1500 deterministic mutations of the valid corpus', async () => {
    const random = prng(20260127);
    const valid = files.filter((file) => file.name.startsWith('valid/'));
    const disagreements: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const base = valid[random(valid.length)]!.body;
      const at = random(base.length + 1);
      const op = random(3);
      const body =
        op === 0
          ? base.slice(0, at) + base.slice(at + 1 + random(3))
          : op === 1
            ? base.slice(0, at) + SNIPPETS[random(SNIPPETS.length)] + base.slice(at)
            : base.slice(0, at);
      const ours = verdictKey(checkStorageXhtml(body));
      const theirs = verdictKey(await oracle.check(body));
      if (ours !== theirs)
        disagreements.push(
          `${JSON.stringify(body.slice(Math.max(0, at - 30), at + 30))}\n  woodstox: ${theirs}\n  emulator: ${ours}`,
        );
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
