import { describe, expect, it } from 'vitest';

import * as shape from './json-shape';

const clash = shape.object<{ id: string; title?: string | null; tags?: string[] }>({
  id: shape.string,
  title: shape.optional(shape.nullable(shape.string)),
  tags: shape.optional(shape.arrayOf(shape.string)),
});

describe('json-shape', () => {
  it('keeps the named fields only, and leaves absent ones absent', () => {
    expect(clash({ id: '7', extra: true })).toStrictEqual({ id: '7' });
    expect(clash({ id: '7', title: null, tags: ['a'] })).toStrictEqual({
      id: '7',
      title: null,
      tags: ['a'],
    });
  });

  it.each([
    ['a missing required field', {}],
    ['a field of the wrong type', { id: 7 }],
    ['a wrong item in an array', { id: '7', tags: ['a', 1] }],
    ['an array for an object', [{ id: '7' }]],
    ['null for an object', null],
    ['text for an object', 'id=7'],
  ])('refuses %s', (_, value) => {
    expect(clash(value)).toBe(shape.INVALID);
  });

  it('takes finite numbers, and whole numbers within bounds as integers', () => {
    expect(shape.number(1.5)).toBe(1.5);
    expect(shape.number(Infinity)).toBe(shape.INVALID);
    expect(shape.number('1')).toBe(shape.INVALID);
    const status = shape.integer(500, 599);
    expect(status(503)).toBe(503);
    expect(status(499)).toBe(shape.INVALID);
    expect(status(600)).toBe(shape.INVALID);
    expect(status(503.5)).toBe(shape.INVALID);
  });
});
