import { LatencyHistogram } from './latency-histogram';

describe('LatencyHistogram', () => {
  it('puts durations in log-scale buckets within 25% of the value', () => {
    for (const ms of [2, 10, 99, 1000, 65_000]) {
      const upper = 1.25 ** LatencyHistogram.bucketOf(ms);
      expect(upper).toBeGreaterThanOrEqual(ms);
      expect(upper).toBeLessThan(ms * 1.25 + 1e-9);
    }
    expect(LatencyHistogram.bucketOf(0)).toBe(0);
    expect(LatencyHistogram.bucketOf(-5)).toBe(0);
    expect(LatencyHistogram.bucketOf(1e12)).toBe(79);
  });

  it('computes percentiles from bucket counts', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 100; i++) h.add(i);
    expect(h.size).toBe(100);
    const counts = new Map(h.drain());
    expect(h.size).toBe(0);
    const p50 = LatencyHistogram.percentile(counts, 50)!;
    const p95 = LatencyHistogram.percentile(counts, 95)!;
    expect(p50).toBeGreaterThanOrEqual(50);
    expect(p50).toBeLessThanOrEqual(63);
    expect(p95).toBeGreaterThanOrEqual(95);
    expect(p95).toBeLessThanOrEqual(119);
    expect(LatencyHistogram.percentile(new Map(), 50)).toBeNull();
  });
});
