import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import createDOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';

/**
 * docs/security.md XSS-10: the sanitizer stays at a version without known bypasses. Raise the floor
 * when DOMPurify publishes a security release; this test then fails until the lock file follows.
 */
const DOMPURIFY_FLOOR = [3, 4, 18] as const;

function parseVersion(version: string): number[] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Not a version: ${version}`);
  return match.slice(1).map(Number);
}

function atLeast(version: number[], floor: readonly number[]): boolean {
  for (let i = 0; i < floor.length; i++) {
    const have = version[i] ?? 0;
    const want = floor[i] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

describe('sanitizer dependencies (XSS-10)', () => {
  it(`DOMPurify is at least ${DOMPURIFY_FLOOR.join('.')}`, () => {
    const installed = JSON.parse(
      readFileSync(join(process.cwd(), 'node_modules', 'dompurify', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(atLeast(parseVersion(installed.version), DOMPURIFY_FLOOR)).toBe(true);
    // The module the renderer imports is that same copy.
    expect(createDOMPurify.version).toBe(installed.version);
  });

  it('compares versions part by part', () => {
    expect(atLeast([3, 4, 18], DOMPURIFY_FLOOR)).toBe(true);
    expect(atLeast([3, 10, 0], DOMPURIFY_FLOOR)).toBe(true);
    expect(atLeast([3, 4, 17], DOMPURIFY_FLOOR)).toBe(false);
    expect(atLeast([2, 99, 99], DOMPURIFY_FLOOR)).toBe(false);
  });
});
