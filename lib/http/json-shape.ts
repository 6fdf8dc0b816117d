/**
 * Typed checks of small JSON shapes for the browser. fetchJson is in every route's first load and
 * checks the details of error bodies against a dozen flat shapes; zod there cost ≈ 30 kB gzip on
 * every route (BENCHMARKS.md, "First-load JS, round 2"). The server keeps zod for what it reads.
 *
 * A reader returns the value as its type, or `INVALID`. Objects keep only the fields they name,
 * and a field that is absent stays absent.
 */
export const INVALID: unique symbol = Symbol('invalid');

export type Reader<T> = (value: unknown) => T | typeof INVALID;

const when =
  <T>(test: (value: unknown) => value is T): Reader<T> =>
  (value) =>
    test(value) ? value : INVALID;

export const string = when((value): value is string => typeof value === 'string');

export const boolean = when((value): value is boolean => typeof value === 'boolean');

export const number = when(
  (value): value is number => typeof value === 'number' && Number.isFinite(value),
);

/** A whole number within [min, max]. */
export const integer = (min = -Infinity, max = Infinity) =>
  when(
    (value): value is number =>
      Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
  );

export const optional =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (value) =>
    value === undefined ? undefined : read(value);

export const nullable =
  <T>(read: Reader<T>): Reader<T | null> =>
  (value) =>
    value === null ? null : read(value);

export const arrayOf =
  <T>(read: Reader<T>): Reader<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return INVALID;
    const items: T[] = [];
    for (const item of value) {
      const checked = read(item);
      if (checked === INVALID) return INVALID;
      items.push(checked);
    }
    return items;
  };

export const object =
  <T extends object>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(fields) as Array<[string, Reader<unknown>]>) {
      const field = read(source[key]);
      if (field === INVALID) return INVALID;
      if (key in source) result[key] = field;
    }
    return result as T;
  };
