import type { Diagnostic } from '@/lib/storage-format/types';

/** Message to validate.worker.ts. */
export interface ValidateRequest {
  id: number;
  source: string;
}

/** Its answer; `id` echoes the request. */
export interface ValidateResponse {
  id: number;
  diagnostics: Diagnostic[];
}
