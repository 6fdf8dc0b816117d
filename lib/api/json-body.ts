import type { z } from 'zod';

import { AppError } from '@/lib/errors';

/**
 * A route's JSON request body, parsed and validated. A body that is not JSON is the caller's
 * mistake, so it is a 400 `bad_request` that says so, never the 500 a bare `request.json()`
 * would turn into; the schema's complaint is a 400 too (see toAppError).
 */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text();
  if (text.trim() === '') {
    throw new AppError('bad_request', 'The request has no body; Pagewright expected JSON.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
  return schema.parse(value);
}
