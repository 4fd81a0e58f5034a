import { LatencyHistogram } from './latency-histogram';
import { QueueDeltas, WorkerBeat } from './worker-record';

const WINDOW_S = 60;

interface PerQueue {
  processed: number;
  failed: number;
  wait: LatencyHistogram;
  run: LatencyHistogram;
}

/** What a worker process is doing, for its heartbeat. */
export type ActivitySnapshot = Pick<
  WorkerBeat,
  'processed' | 'failed' | 'active' | 'current_jobs' | 'busy_ms' | 'utilization' | 'idle_since'
>;

/**
 * In-process bookkeeping of a worker's jobs, cheap enough for every job: counters, the jobs running
 * now, busy time per second over the last minute (utilization), and per-queue wait/run histograms
 * that the heartbeat drains into Redis.
 */
export class WorkerActivity {
  private processed = 0;
  private failed = 0;
  private busyMs = 0;
  private idleSince: number | null;
  private readonly running = new Map<string, number>();
  private readonly seconds = new Float64Array(WINDOW_S);
  private readonly secondOf = new Float64Array(WINDOW_S);
  private readonly queues = new Map<string, PerQueue>();

  /**
   * @param capacity - jobs the process can run at once (utilization's denominator); may change once its queues are known.
   * @param startedAt - when the process started (the window is shorter until a minute has passed).
   */
  constructor(
    public capacity: number,
    private readonly startedAt = Date.now(),
  ) {
    this.idleSince = startedAt;
  }

  /** A job started; `enqueuedAt` is its creation time (wait = now - enqueuedAt). */
  started(queue: string, jobId: string, enqueuedAt: number, now = Date.now()): void {
    this.running.set(`${queue}:${jobId}`, now);
    this.idleSince = null;
    this.of(queue).wait.add(now - enqueuedAt);
  }

  /** A job finished (`ok` false: it failed or timed out). */
  finished(queue: string, jobId: string, ok: boolean, now = Date.now()): void {
    const key = `${queue}:${jobId}`;
    const start = this.running.get(key);
    if (start === undefined) return;
    this.running.delete(key);
    const stats = this.of(queue);
    stats.run.add(now - start);
    if (ok) {
      this.processed++;
      stats.processed++;
    } else {
      this.failed++;
      stats.failed++;
    }
    this.busyMs += now - start;
    this.spread(start, now);
    if (!this.running.size) this.idleSince = now;
  }

  /** The heartbeat's view right now. */
  snapshot(now = Date.now()): ActivitySnapshot {
    const from = Math.max(this.startedAt, now - WINDOW_S * 1000);
    let busy = 0;
    const first = Math.floor(from / 1000);
    for (let i = 0; i < WINDOW_S; i++) if (this.secondOf[i] >= first) busy += this.seconds[i];
    for (const start of this.running.values()) busy += now - Math.max(start, from);
    const window = Math.max(1, now - from) * this.capacity;
    return {
      processed: this.processed,
      failed: this.failed,
      active: this.running.size,
      current_jobs: [...this.running.keys()].map((k) => k.slice(k.indexOf(':') + 1)),
      busy_ms: this.busyMs + [...this.running.values()].reduce((n, start) => n + (now - start), 0),
      utilization: Math.min(1, Math.round((busy / window) * 1000) / 1000),
      idle_since: this.idleSince,
    };
  }

  /** Per-queue counts and histograms since the last call, for the beat. */
  drain(): Map<string, QueueDeltas> {
    const out = new Map<string, QueueDeltas>();
    for (const [queue, s] of this.queues) {
      out.set(queue, {
        processed: s.processed,
        failed: s.failed,
        wait: s.wait.drain(),
        run: s.run.drain(),
      });
      s.processed = 0;
      s.failed = 0;
    }
    return out;
  }

  private of(queue: string): PerQueue {
    let stats = this.queues.get(queue);
    if (!stats)
      this.queues.set(
        queue,
        (stats = {
          processed: 0,
          failed: 0,
          wait: new LatencyHistogram(),
          run: new LatencyHistogram(),
        }),
      );
    return stats;
  }

  /** Adds the busy interval [start, end) to the per-second slots it covers (the last minute only). */
  private spread(start: number, end: number): void {
    for (let t = Math.max(start, end - WINDOW_S * 1000); t < end;) {
      const second = Math.floor(t / 1000);
      const next = Math.min(end, (second + 1) * 1000);
      const slot = second % WINDOW_S;
      if (this.secondOf[slot] !== second) {
        this.secondOf[slot] = second;
        this.seconds[slot] = 0;
      }
      this.seconds[slot] += next - t;
      t = next;
    }
  }
}
