import type { Metrics } from 'bullmq';
import { perMinute } from './per-minute';

const MIN = 60_000;
const NOW = 1_000 * MIN + 30_000;

function metrics(count: number, prevTS: number, prevCount: number, data: number[]): Metrics {
  return { meta: { count, prevTS, prevCount }, data, count: data.length };
}

describe('perMinute', () => {
  it('puts the pending minute at its own place and the pushed minutes after it', () => {
    // last job finished two minutes ago; 4 jobs in that minute, 7 and 3 in the two before it
    const series = perMinute(metrics(20, NOW - 2 * MIN, 16, [7, 3, 9]), 5, NOW);
    expect(series).toEqual([0, 0, 4, 7, 3]);
  });

  it('counts the minute in progress first', () => {
    expect(perMinute(metrics(12, NOW - 5_000, 10, [6]), 3, NOW)).toEqual([2, 6, 0]);
  });

  it('is all zeros for a queue that never finished a job or went quiet long ago', () => {
    expect(perMinute(metrics(0, 0, 0, []), 3, NOW)).toEqual([0, 0, 0]);
    expect(perMinute(metrics(50, NOW - 90 * MIN, 40, [10]), 3, NOW)).toEqual([0, 0, 0]);
  });

  it('counts the very first job, which BullMQ records without pushing a point', () => {
    expect(perMinute(metrics(1, NOW - 1_000, 0, []), 2, NOW)).toEqual([1, 0]);
  });
});
