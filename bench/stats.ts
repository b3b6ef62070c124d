/** The q-quantile (0..1) of sorted samples, linear interpolation. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Median, p95 and mean of latency samples (ms). */
export function summarize(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / (samples.length || 1);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), mean };
}
