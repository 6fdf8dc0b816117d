import { describe, expect, it } from 'vitest';

import { moveRefusal } from './move-rules';

const page = { id: '10', parentId: '1' };

describe('moveRefusal', () => {
  it('refuses the page itself as its parent', () => {
    expect(moveRefusal(page, '10', ['1'])).toMatch(/under itself/);
  });

  it('refuses a descendant: the new parent has the page among its ancestors', () => {
    expect(moveRefusal(page, '12', ['1', '10', '11'])).toMatch(/descendants/);
    expect(moveRefusal(page, '11', ['1', '10'])).toMatch(/descendants/);
  });

  it('refuses the parent it already has', () => {
    expect(moveRefusal(page, '1', [])).toMatch(/already under/);
  });

  it('allows any other page, including a sibling or an ancestor', () => {
    expect(moveRefusal(page, '20', ['1'])).toBeNull();
    expect(moveRefusal({ id: '10', parentId: '2' }, '1', [])).toBeNull();
  });
});
