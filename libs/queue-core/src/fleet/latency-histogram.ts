/** Bucket `i` holds durations up to `BASE^i` ms; 80 buckets reach past 24 h. */
const BASE = 1.25;
const BUCKETS = 80;

/**
 * A bounded log-scale histogram of durations in ms (≤ 80 counters, ±12.5% resolution): what the
 * fleet keeps per queue for wait and run times instead of a key per job.
 */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();

  /** Adds one duration. */
  add(ms: number): void {
    const bucket = LatencyHistogram.bucketOf(ms);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
  }

  /** Number of durations recorded. */
  get size(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** The non-empty buckets as `[bucket, count]` pairs (for HINCRBY), and forgets them. */
  drain(): [number, number][] {
    const out = [...this.counts.entries()];
    this.counts.clear();
    return out;
  }

  /** The bucket index of `ms`. */
  static bucketOf(ms: number): number {
    if (!(ms > 1)) return 0;
    return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms) / Math.log(BASE)));
  }

  /** The largest duration (ms) bucket `bucket` holds. */
  static upperBound(bucket: number): number {
    return Math.round(BASE ** bucket);
  }

  /**
   * The `p`-th percentile (upper bound of its bucket, in ms) of bucket counts, or null when empty.
   * @param counts - bucket index → count
   */
  static percentile(counts: Map<number, number>, p: number): number | null {
    let total = 0;
    for (const c of counts.values()) total += c;
    if (!total) return null;
    const rank = Math.ceil((p / 100) * total);
    let seen = 0;
    for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
      seen += counts.get(bucket) ?? 0;
      if (seen >= rank) return LatencyHistogram.upperBound(bucket);
    }
    return null;
  }
}
