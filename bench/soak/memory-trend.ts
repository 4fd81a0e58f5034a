/** One sample of a process's memory, `at` ms since the soak started. */
export interface MemorySample {
  at: number;
  bytes: number;
}

/**
 * The slope of the least-squares line through `samples` taken at or after `fromMs`, in MB per
 * hour: how fast memory grows once warm (0 with fewer than two samples).
 */
export function slopeMbPerHour(samples: MemorySample[], fromMs: number): number {
  const warm = samples.filter((s) => s.at >= fromMs);
  if (warm.length < 2) return 0;
  const meanX = warm.reduce((sum, s) => sum + s.at, 0) / warm.length;
  const meanY = warm.reduce((sum, s) => sum + s.bytes, 0) / warm.length;
  let covariance = 0;
  let variance = 0;
  for (const s of warm) {
    covariance += (s.at - meanX) * (s.bytes - meanY);
    variance += (s.at - meanX) ** 2;
  }
  const bytesPerMs = variance ? covariance / variance : 0;
  return (bytesPerMs * 3_600_000) / 1e6;
}
