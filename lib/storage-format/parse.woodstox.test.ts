import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  nestingLimitBodies,
  WoodstoxOracle,
  woodstoxAvailable,
} from '@/lib/testing/woodstox/woodstox-oracle';

import { parseStorage } from './parse';
import { readCorpus } from './testing/corpus';
import { mutate } from './testing/mutations';

/**
 * Differential test against Woodstox itself (the parser inside Confluence): on every corpus body
 * and ~2,000 seeded mutations of the valid ones, the engine must give the same verdict and, for
 * rejected bodies, Confluence's exact message at Confluence's exact line and column.
 * CI installs Java and Woodstox; elsewhere the suite is skipped with a note.
 */
const available = woodstoxAvailable();
if (!available && process.env.CI) {
  throw new Error(
    'CI must run the Woodstox differential test: install default-jdk-headless and libwoodstox-java',
  );
}

describe.skipIf(!available)('agreement with Woodstox', () => {
  let oracle: WoodstoxOracle;
  beforeAll(() => {
    oracle = WoodstoxOracle.start();
  });
  afterAll(() => oracle?.stop());

  const bodies = [...readCorpus('valid'), ...readCorpus('invalid'), ...readCorpus('edge-cases')];
  const cases = [...bodies];
  readCorpus('valid').forEach(({ name, body }, index) => {
    for (const mutation of mutate(body, 25, index + 1)) {
      cases.push({ name: `${name} #${mutation.kind}`, body: mutation.body });
    }
  });

  it(`gives Confluence's verdict, message and position on ${cases.length} bodies`, async () => {
    const disagreements: string[] = [];
    for (const { name, body } of cases) {
      const verdict = await oracle.check(body);
      const result = parseStorage(body);
      const mine = result.confluenceError;
      if (verdict.ok !== (mine === null) || verdict.ok !== (result.diagnostics.length === 0)) {
        disagreements.push(
          `${name}: Woodstox ${JSON.stringify(verdict)}, engine ${JSON.stringify(mine)}`,
        );
      } else if (!verdict.ok && mine) {
        const samePlace =
          verdict.line === mine.line &&
          // Woodstox's own column is unreliable right after a control character.
          (verdict.column === mine.column || verdict.column! < 1);
        if (verdict.message !== mine.message || !samePlace) {
          disagreements.push(
            `${name}: Woodstox ${JSON.stringify(verdict)}, engine ${JSON.stringify(mine)}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
  }, 120_000);

  it('refuses the same depths with the same words (Woodstox gives no position for them)', async () => {
    const bodies = nestingLimitBodies();
    for (const body of bodies) {
      const verdict = await oracle.check(body);
      const mine = parseStorage(body).confluenceError;
      expect(mine?.message ?? 'ok').toBe(verdict.ok ? 'ok' : verdict.message);
    }
  });
});
