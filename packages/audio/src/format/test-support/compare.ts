type NumericArray = ArrayLike<number>;

/**
 * Index of the first element where `a` and `b` differ (the shorter length
 * when one is a prefix of the other), or -1 when they are equal. Cheaper
 * than a deep equality assertion on large typed arrays, and the index says
 * where to look when it fails.
 */
export function firstDifference(a: NumericArray, b: NumericArray): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : n;
}
