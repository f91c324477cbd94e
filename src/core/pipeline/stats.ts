/**
 * Percentiles by linear interpolation between closest ranks (Hyndman and Fan's type 7, the default of
 * R, NumPy and spreadsheet PERCENTILE.INC): for n sorted values and p in [0, 1], h = (n - 1) p and the
 * result is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). The median is p = 0.5, so it is
 * the middle value, or the mean of the two middle values. An empty list has no percentile (null).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** A share in [0, 1], or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Adds a value to the list under a key, creating the list. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
