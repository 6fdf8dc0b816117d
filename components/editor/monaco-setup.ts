import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

import { installBundlerScriptUrlPolicy } from '@/lib/security/script-url-policy';

import { registerStorageLanguage } from './storage-language';

/**
 * Monaco from node_modules, never a CDN (docs/stack-notes.md §4): imported only by the lazily
 * loaded editor chunk. Without `getWorker` the editor worker is silently dead; without
 * `loader.config({ monaco })` @monaco-editor/react injects a jsdelivr <script>.
 */
self.MonacoEnvironment = {
  getWorker(_id: string, _label: string) {
    // Trusted Types (XSS-9): Turbopack rewrites this call into its own `new Worker(url)`, which
    // takes no policy, so the URL passes through the `default` policy (same-origin
    // /_next/static/ only). Installing it is a no-op after instrumentation-client.ts did.
    installBundlerScriptUrlPolicy();
    // Storage format needs only the core editor worker (diff, links, word-based suggestions); its
    // own validation runs in validate.worker.ts. The specifier must stay a string literal.
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), {
      type: 'module',
    });
  },
};

// Must run before the first <Editor> mounts (before loader.init).
loader.config({ monaco });

registerStorageLanguage(monaco);

export { monaco };
