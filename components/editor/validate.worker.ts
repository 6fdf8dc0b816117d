import { IncrementalValidation } from '@/lib/storage-format/incremental/incremental-validation';

import type { ValidateRequest, ValidateResponse } from './validation-protocol';

/** The bits of a dedicated worker's global scope used here (the project compiles with DOM libs). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ValidateRequest>) => void) | null;
  postMessage(message: ValidateResponse): void;
}

/**
 * Validates big bodies off the main thread, so typing in a 1 MB page never waits for the parser.
 * The client drops answers for superseded requests.
 */
const scope = self as unknown as WorkerScope;
/** The worker's own incremental parse: each request re-parses only what changed since the last. */
const validation = new IncrementalValidation();

scope.onmessage = (event) => {
  const { id, source } = event.data;
  scope.postMessage({ id, diagnostics: validation.validate(source) });
};
