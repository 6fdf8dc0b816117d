import { installBundlerScriptUrlPolicy } from '@/lib/security/script-url-policy';
import { IncrementalValidation } from '@/lib/storage-format/incremental/incremental-validation';
import type { Diagnostic } from '@/lib/storage-format/types';

import type { ValidateRequest, ValidateResponse } from './validation-protocol';

/** Above this many UTF-16 units validation moves to a Web Worker (parsing ~100 KB takes a frame). */
export const WORKER_THRESHOLD = 100_000;

/** How long typing must pause before validating; bodies the worker takes wait a little longer. */
export function validationDebounceFor(length: number): number {
  return length > WORKER_THRESHOLD ? 400 : 120;
}

/** Validates bodies on the main thread when small and in a lazily started worker when big. */
export interface Validator {
  validate(source: string): Promise<Diagnostic[]>;
  dispose(): void;
}

/** Creates a {@link Validator}; answers for superseded worker requests never resolve late. */
export function createValidator(): Validator {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (diagnostics: Diagnostic[]) => void>();
  // Small bodies, on this thread: each validation re-parses only what changed since the last.
  const local = new IncrementalValidation();

  function getWorker(): Worker {
    if (worker) return worker;
    // Trusted Types (XSS-9): Turbopack turns this into `new Worker(url)` in its runtime; the URL
    // passes through the `default` policy (same-origin /_next/static/ only), installed here too
    // so this sink does not depend on instrumentation-client.ts having run first.
    installBundlerScriptUrlPolicy();
    worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ValidateResponse>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.diagnostics);
    };
    return worker;
  }

  return {
    validate(source) {
      if (source.length <= WORKER_THRESHOLD) return Promise.resolve(local.validate(source));
      const id = nextId++;
      const request: ValidateRequest = { id, source };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        getWorker().postMessage(request);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
