import { describe, expect, it } from 'vitest';

import {
  MONACO_POLICY_NAMES,
  TRUSTED_TYPES_POLICY_NAMES,
  trustedTypesDirectives,
  trustedTypesMode,
} from './trusted-types-header';

describe('trustedTypesMode (PAGEWRIGHT_TRUSTED_TYPES)', () => {
  it('enforces by default in production and only reports under next dev', () => {
    expect(trustedTypesMode(undefined)).toBe('enforce');
    expect(trustedTypesMode('')).toBe('enforce');
    expect(trustedTypesMode(undefined, { dev: true })).toBe('report-only');
    expect(trustedTypesMode('enforce', { dev: true })).toBe('enforce');
  });

  it('reads the three modes, in any case', () => {
    expect(trustedTypesMode('enforce')).toBe('enforce');
    expect(trustedTypesMode(' Report-Only ')).toBe('report-only');
    expect(trustedTypesMode('off')).toBe('off');
  });

  it('refuses anything else rather than silently dropping the protection', () => {
    expect(() => trustedTypesMode('on')).toThrow(/enforce, report-only or off.*"on"/);
    expect(() => trustedTypesMode('0')).toThrow(/PAGEWRIGHT_TRUSTED_TYPES/);
  });
});

describe('trustedTypesDirectives', () => {
  it('requires Trusted Types for script sinks and names every policy the app ships', () => {
    expect(trustedTypesDirectives()).toEqual([
      "require-trusted-types-for 'script'",
      "trusted-types default app-preview app-preview-shell dompurify defaultWorkerFactory diffEditorWidget diffReview domLineBreaksComputer editorGhostText editorViewLayer richScreenReaderContent standaloneColorizer stickyScrollViewLayer tokenizeToString 'allow-duplicates'",
    ]);
  });

  it('lists each name once and only names a CSP token may hold', () => {
    expect(new Set(TRUSTED_TYPES_POLICY_NAMES).size).toBe(TRUSTED_TYPES_POLICY_NAMES.length);
    for (const name of TRUSTED_TYPES_POLICY_NAMES) expect(name).toMatch(/^[A-Za-z0-9-#=_/@.%]+$/);
  });

  it('covers every policy name Monaco creates in the installed monaco-editor', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.js')) {
          const text = readFileSync(path, 'utf8');
          for (const match of text.matchAll(/createTrustedTypesPolicy\(\s*['"]([A-Za-z]+)['"]/g))
            found.add(match[1]!);
        }
      }
    };
    walk(join(process.cwd(), 'node_modules/monaco-editor/esm'));
    expect([...found].sort()).toEqual([...MONACO_POLICY_NAMES].sort());
  });
});
