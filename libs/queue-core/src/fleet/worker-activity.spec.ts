import { WorkerActivity } from './worker-activity';

describe('WorkerActivity', () => {
  const t0 = 1_700_000_000_000;

  it('counts jobs, tracks running ones and idleness', () => {
    const a = new WorkerActivity(2, t0);
    a.started('q', '1', t0 - 50, t0);
    a.started('q', '2', t0, t0 + 10);
    expect(a.snapshot(t0 + 20)).toMatchObject({
      active: 2,
      current_jobs: ['1', '2'],
      idle_since: null,
    });
    a.finished('q', '1', true, t0 + 100);
    a.finished('q', '2', false, t0 + 110);
    a.finished('q', 'unknown', true, t0 + 110);
    expect(a.snapshot(t0 + 200)).toMatchObject({
      processed: 1,
      failed: 1,
      active: 0,
      busy_ms: 200,
      idle_since: t0 + 110,
    });
  });

  it('reports utilization as the busy share of capacity over the last minute', () => {
    const a = new WorkerActivity(2, t0);
    a.started('q', '1', t0, t0);
    a.finished('q', '1', true, t0 + 30_000);
    expect(a.snapshot(t0 + 60_000).utilization).toBeCloseTo(0.25, 2);
    a.started('q', '2', t0 + 60_000, t0 + 60_000);
    expect(a.snapshot(t0 + 90_000).utilization).toBeCloseTo(0.25, 2);
    expect(a.snapshot(t0 + 200_000).utilization).toBeCloseTo(0.5, 2);
  });

  it('drains per-queue deltas once', () => {
    const a = new WorkerActivity(1, t0);
    a.started('a', '1', t0 - 10, t0);
    a.finished('a', '1', true, t0 + 5);
    const first = a.drain().get('a')!;
    expect(first).toMatchObject({ processed: 1, failed: 0 });
    expect(first.wait.reduce((n, [, c]) => n + c, 0)).toBe(1);
    expect(first.run.reduce((n, [, c]) => n + c, 0)).toBe(1);
    expect(a.drain().get('a')).toEqual({ processed: 0, failed: 0, wait: [], run: [] });
  });
});
