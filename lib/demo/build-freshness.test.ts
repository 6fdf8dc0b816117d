import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { buildIsCurrent } from './build-freshness';

let root: string;

/** Writes `path` under the temporary project with its modification time `secondsAgo` back. */
function write(path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, 'x');
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(full, when, when);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pw-build-freshness-'));
  write('app/page.tsx', 300);
  write('components/editor/storage-editor.tsx', 300);
  write('lib/storage-format/parse.ts', 300);
  write('proxy.ts', 300);
  write('instrumentation-client.ts', 300);
  write('next.config.js', 300);
});

describe('buildIsCurrent', () => {
  it('is false without a standalone build', () => {
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('is true when the build is newer than every source', () => {
    write('.next/standalone/.next/BUILD_ID', 100);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it.each([
    'lib/storage-format/parse.ts',
    'components/editor/storage-editor.tsx',
    'app/page.tsx',
    'proxy.ts',
    'instrumentation-client.ts',
    'next.config.js',
  ])('is false once %s changed after the build', (path) => {
    write('.next/standalone/.next/BUILD_ID', 100);
    write(path, 10);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it('checks the build id it is given (the bench builds into its own folder)', () => {
    const benchBuildId = join(root, '.next-bench', 'BUILD_ID');
    expect(buildIsCurrent(root, benchBuildId)).toBe(false);
    write('.next-bench/BUILD_ID', 100);
    expect(buildIsCurrent(root, benchBuildId)).toBe(true);
    write('lib/storage-format/parse.ts', 10);
    expect(buildIsCurrent(root, benchBuildId)).toBe(false);
  });

  it('ignores node_modules and dot folders inside the sources', () => {
    write('.next/standalone/.next/BUILD_ID', 100);
    write('lib/node_modules/x.js', 10);
    write('lib/.cache/x', 10);
    expect(buildIsCurrent(root)).toBe(true);
  });
});
