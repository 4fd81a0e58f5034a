import type { Metrics } from 'bullmq';

const MINUTE_MS = 60_000;

/**
 * A BullMQ metrics series as counts per wall-clock minute, newest (the minute in progress) first.
 *
 * BullMQ pushes a minute's count onto its list only when a job finishes in a later minute: until
 * then the minute of `meta.prevTS` is pending (`meta.count - meta.prevCount`) and the list's head
 * is the minute before it. Read as is, a queue that went quiet shows its last busy minutes as
 * "now" and the minute in progress as nothing; this places each count at its own minute.
 */
export function perMinute(metrics: Metrics, minutes: number, now = Date.now()): number[] {
  const { count, prevTS, prevCount } = metrics.meta;
  const series = new Array<number>(minutes).fill(0);
  if (count === 0) return series;
  const pendingAt = Math.floor(now / MINUTE_MS) - Math.floor(prevTS / MINUTE_MS);
  if (pendingAt < 0 || pendingAt >= minutes) return series;
  series[pendingAt] = count - prevCount;
  metrics.data
    .slice(0, minutes - pendingAt - 1)
    .forEach((points, i) => (series[pendingAt + 1 + i] = points));
  return series;
}
