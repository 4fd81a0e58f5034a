/** The median of `values` (0 for none). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The `p`-th percentile (nearest rank) of `values` (0 for none). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Rounds to 3 significant decimals for the report. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
