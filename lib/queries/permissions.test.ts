import { describe, expect, it } from 'vitest';

import { readOnlyReasonOf } from './permissions';

describe('readOnlyReasonOf', () => {
  it('is null while asking and when editing is allowed', () => {
    expect(readOnlyReasonOf(undefined)).toBeNull();
    expect(
      readOnlyReasonOf({ canEdit: true, reason: null, cause: null, advice: null, editors: null }),
    ).toBeNull();
  });

  it('carries the cause, the reason and the advice of a read-only page', () => {
    const permissions = {
      canEdit: false,
      reason: 'This page has an edit restriction: only Alex Other may edit it.',
      cause: 'page-restriction' as const,
      advice: 'Ask Alex Other to add you.',
      editors: { people: [{ name: 'Alex Other' }], groups: [] },
    };
    expect(readOnlyReasonOf(permissions)).toEqual(permissions);
  });

  it('an answer without advice (an older server) still makes a notice', () => {
    expect(
      readOnlyReasonOf({
        canEdit: false,
        reason: 'Read-only.',
        cause: null,
        advice: null,
        editors: null,
      }),
    ).toMatchObject({ reason: 'Read-only.', advice: '' });
  });
});
