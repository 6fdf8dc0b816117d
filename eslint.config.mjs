import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Server-only modules that must never be pulled into a client bundle. The lint rule gives a friendly
// message; `import 'server-only'` inside those modules is the build-time guarantee.
const serverOnlyModules = ['@/lib/confluence/*', '@/lib/session/*', '@/lib/api/*', '@/lib/env*'];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results*/**',
    'playwright-report/**',
    '.emulator-data/**',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // XSS-8: page-derived strings reach the app document only as React text.
      'react/no-danger': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use text nodes; only the preview module writes HTML.' },
        { property: 'outerHTML', message: 'Use text nodes; only the preview module writes HTML.' },
      ],
    },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['components/**', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: serverOnlyModules,
              message: 'Server-only module: call an /api route instead.',
            },
            { group: ['@/lib/emulator/*'], message: 'The emulator is for demo and tests only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**', 'lib/confluence/**', 'lib/session/**', 'lib/storage-format/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/emulator/*'], message: 'The emulator is for demo and tests only.' },
          ],
        },
      ],
    },
  },
]);
