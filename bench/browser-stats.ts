/** Summaries of a bench's millisecond samples. */

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

export const round = (ms: number) => Number(ms.toFixed(2));
