/**
 * "Did you mean …?" for misspelt macro and parameter names: the closest candidate by edit
 * distance, only when it is close enough to be a typo rather than a different name.
 */

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? limit + 1;
}

/** Typos allowed for a name of this length: short names would match too much otherwise. */
function typoLimit(name: string): number {
  if (name.length <= 3) return 0;
  if (name.length <= 5) return 1;
  return 2;
}

/**
 * The candidate closest to `name` (case-insensitive), if it is within a typo's reach; ties go
 * to the earlier candidate. Returns undefined for an exact match too (nothing to suggest).
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = typoLimit(name) + 1;
  for (const candidate of candidates) {
    if (candidate === name || candidate === '') continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
