import { describe, expect, expectTypeOf, it } from 'vitest';

import { AppError, type AppErrorDetails, isAppError, type ReportedDiagnostic } from './errors';

describe('AppError details', () => {
  it('are typed per code', () => {
    expectTypeOf<AppErrorDetails<'version_conflict'>>().toEqualTypeOf<{
      currentVersion?: number;
    }>();
    expectTypeOf<AppErrorDetails<'invalid_storage'>>().toEqualTypeOf<{
      diagnostics: ReportedDiagnostic[];
    }>();
    expectTypeOf<AppErrorDetails<'not_signed_in'>>().toBeNever();
    expectTypeOf(new AppError('title_clash').details).toEqualTypeOf<
      | {
          confluence: string;
          suggestedTitle?: string | null;
          clash?: { id: string; title: string; status?: string };
        }
      | undefined
    >();
    // @ts-expect-error a code's details must have its shape
    void new AppError('version_conflict', undefined, { currentVersion: 'seven' });
    // @ts-expect-error a code without details takes none
    void new AppError('not_signed_in', undefined, { field: 'url' });
  });

  it('narrow by code with isAppError', () => {
    const error: unknown = new AppError('rate_limited', undefined, { retryAfterMs: 7000 });
    if (!isAppError(error, 'rate_limited', 'sign_in_throttled')) throw new Error('not narrowed');
    expectTypeOf(error.details?.retryAfterMs).toEqualTypeOf<number | undefined>();
    expect(error.details?.retryAfterMs).toBe(7000);
    expect(isAppError(error)).toBe(true);
    expect(isAppError(error, 'version_conflict')).toBe(false);
    expect(isAppError(new Error('x'), 'rate_limited')).toBe(false);
  });

  it('travel in the response body', () => {
    const error = new AppError('invalid_storage', undefined, {
      diagnostics: [{ line: 1, column: 2, message: 'm' }],
    });
    expect(error.toBody()).toEqual({
      error: {
        code: 'invalid_storage',
        message: 'Confluence would reject this body: fix the marked errors first.',
        details: { diagnostics: [{ line: 1, column: 2, message: 'm' }] },
      },
    });
    expect(new AppError('internal').toBody().error).not.toHaveProperty('details');
  });
});
