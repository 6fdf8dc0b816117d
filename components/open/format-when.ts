const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "3 minutes ago", "yesterday"; a date once it is more than a week old. */
export function formatWhen(then: number, now: number, locale?: string): string {
  let amount = Math.round((then - now) / 1000);
  if (Math.abs(amount) < 45) return 'just now';
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return relative.format(amount, unit);
    amount = Math.round(amount / size);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(then);
}
