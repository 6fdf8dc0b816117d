import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Server-only modules that must never be pulled into a client bundle. The lint rule gives a friendly
// message; `import 'server-only'` inside those modules is the build-time guarantee.
const serverOnlyModules = ['@/lib/confluence/*', '@/lib/session/*', '@/lib/api/*', '@/lib/env*'];

const testSupportOnly = {
  group: ['@/lib/testing/*', '@/lib/*/testing/*', '@/lib/*/*/testing/*'],
  message: 'Test support is for tests only (docs/architecture.md).',
};

const emulatorOnly = {
  group: ['@/lib/emulator/*'],
  message: 'The emulator is for demo and tests only.',
};

/**
 * A layer rule (docs/architecture.md) for the non-test code of `files`, under the TypeScript twin
 * of the rule so it adds to the restrictions of the plain rule instead of replacing them. Between
 * two layer blocks that match one file the later one wins whole, so each carries the test-support
 * pattern itself.
 */
function layerRule(files, ...patterns) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [testSupportOnly, ...patterns] },
      ],
    },
  };
}

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
            testSupportOnly,
            {
              group: serverOnlyModules,
              message: 'Server-only module: call an /api route instead.',
            },
            emulatorOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'lib/confluence/**', 'lib/session/**', 'lib/storage-format/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [emulatorOnly],
        },
      ],
    },
  },
  layerRule(
    ['lib/**'],
    {
      group: ['@/components/*', '@/app/*'],
      message: 'lib/ is logic under components/ and app/: it never imports them.',
    },
    {
      group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
      message: 'Monaco-dependent code lives with the editor components (components/editor).',
    },
  ),
  layerRule(
    ['lib/storage-format/**'],
    {
      group: ['@/lib/*', '!@/lib/storage-format', '!@/lib/storage-format/*'],
      message: 'The engine stands alone: it imports nothing else of the app.',
    },
    {
      group: [
        '@/components/*',
        '@/app/*',
        'react',
        'react-dom',
        'monaco-editor',
        'monaco-editor/*',
      ],
      message: 'The engine has no UI.',
    },
  ),
  layerRule(['lib/confluence/**', 'lib/pages/**'], {
    group: [
      '@/lib/editor/*',
      '@/lib/queries/*',
      '@/components/*',
      '@/app/*',
      'react',
      'monaco-editor',
      'monaco-editor/*',
    ],
    message: 'The Confluence client and shared page logic carry no editor or UI code.',
  }),
]);
