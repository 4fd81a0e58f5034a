import { Injectable } from '@nestjs/common';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import { LatencyHistogram } from './latency-histogram';
import { QueueDeltas, QueueFleetStats, WorkerBeat, WorkerRecord } from './worker-record';

/** Workers beat at most this far apart (SPEC §4); a worker is lost after 3 missed beats. */
export const HEARTBEAT_MS = 5000;
/** An HTTP worker (no heartbeat: each job it completes or fails counts as one) is lost after 5 silent minutes. */
const HTTP_LOST_AFTER_MS = 5 * 60_000;
/** A lost worker's record is dropped after an hour; its counters stay in the totals. */
export const DROP_AFTER_MS = 60 * 60_000;

const NUMERIC = [
  'pid',
  'concurrency',
  'started_at',
  'processed',
  'failed',
  'active',
  'busy_ms',
  'utilization',
  'idle_since',
  'rss_bytes',
  'heap_bytes',
  'last_seen',
  'heartbeat_ms',
] as const;

/**
 * The worker fleet in Redis (SPEC §4): one small HASH per worker plus a ZSET index by last beat,
 * per-queue counters (registrations, terminations, first seen; processed and failed per queue are
 * BullMQ's metrics), fleet-wide totals that outlive workers, a HyperLogLog
 * of distinct workers, and bounded wait/run histograms. A beat is one MULTI round trip.
 *
 * Key layout under `<prefix>:_jobq:fleet:` — persisted, never rename.
 */
@Injectable()
export class FleetStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
  ) {}

  private k(...parts: string[]): string {
    return this.keys.key('fleet', ...parts);
  }

  /**
   * Records a heartbeat with the per-queue deltas since the last one.
   * @param joined - queues the worker joins with this beat (all of them on its first): each counts a registration.
   */
  async beat(
    beat: WorkerBeat,
    deltas: Map<string, QueueDeltas> = new Map(),
    joined: string[] = [],
  ): Promise<void> {
    const now = Date.now();
    const id = beat.worker_id;
    const tx = this.connections.client.multi();
    tx.hset(this.k('worker', id), serialise({ ...beat, last_seen: now }));
    tx.pexpire(this.k('worker', id), DROP_AFTER_MS + HEARTBEAT_MS);
    tx.zadd(this.k('workers'), now, id);
    if (joined.length) {
      tx.pfadd(this.k('ever'), id);
      tx.hincrby(this.k('totals'), 'registrations', joined.length);
    }
    for (const queue of joined) {
      tx.hincrby(this.k('queue', queue), 'registrations', 1);
      tx.hsetnx(this.k('queue', queue), 'first_seen', String(now));
      tx.pfadd(this.k('ever', queue), id);
    }
    for (const [queue, d] of deltas) {
      if (d.processed) tx.hincrby(this.k('totals'), 'processed', d.processed);
      if (d.failed) tx.hincrby(this.k('totals'), 'failed', d.failed);
      for (const [bucket, n] of d.wait) tx.hincrby(this.k('timing', queue), `w${bucket}`, n);
      for (const [bucket, n] of d.run) tx.hincrby(this.k('timing', queue), `r${bucket}`, n);
    }
    await tx.exec();
  }

  /** Removes a worker that stopped (or was dropped), counting a termination on each of its queues. */
  async retire(workerId: string): Promise<boolean> {
    const redis = this.connections.client;
    const raw = await redis.hget(this.k('worker', workerId), 'queues');
    const removed = await redis.zrem(this.k('workers'), workerId);
    await redis.del(this.k('worker', workerId));
    if (!removed) return false;
    const queues = raw ? (JSON.parse(raw) as string[]) : [];
    const tx = redis.multi().hincrby(this.k('totals'), 'terminations', queues.length);
    for (const queue of queues) tx.hincrby(this.k('queue', queue), 'terminations', 1);
    await tx.exec();
    return true;
  }

  /** Every worker seen in the last hour, newest beat first; older ones are dropped here. */
  async list(): Promise<WorkerRecord[]> {
    const redis = this.connections.client;
    const now = Date.now();
    const stale = await redis.zrangebyscore(this.k('workers'), '-inf', now - DROP_AFTER_MS);
    for (const id of stale) await this.retire(id);
    const ids = await redis.zrevrange(this.k('workers'), 0, -1);
    if (!ids.length) return [];
    const pipe = redis.pipeline();
    for (const id of ids) pipe.hgetall(this.k('worker', id));
    const rows = (await pipe.exec()) ?? [];
    return rows
      .map(([, row]) => row as Record<string, string>)
      .filter((row) => row && row.worker_id)
      .map((row) => toRecord(row, now));
  }

  /** One worker, or undefined. */
  async get(workerId: string): Promise<WorkerRecord | undefined> {
    const row = await this.connections.client.hgetall(this.k('worker', workerId));
    return row.worker_id ? toRecord(row, Date.now()) : undefined;
  }

  /**
   * Registers an HTTP worker (presque `POST /w/:queue`) on `queue`, or adds the queue to one
   * already known. HTTP workers do not beat: each credited request refreshes them.
   */
  async registerHttp(queue: string, workerId: string, host: string): Promise<WorkerRecord> {
    const existing = await this.get(workerId);
    const queues = existing ? [...new Set([...existing.queues, queue])] : [queue];
    const now = Date.now();
    const beat: WorkerBeat = {
      worker_id: workerId,
      kind: 'http',
      host,
      pid: null,
      queues,
      concurrency: existing?.concurrency ?? 1,
      started_at: existing?.started_at ?? now,
      processed: existing?.processed ?? 0,
      failed: existing?.failed ?? 0,
      active: 0,
      current_jobs: [],
      busy_ms: existing?.busy_ms ?? 0,
      utilization: 0,
      idle_since: existing?.idle_since ?? now,
      rss_bytes: 0,
      heap_bytes: 0,
      version: existing?.version ?? 'http',
      heartbeat_ms: HEARTBEAT_MS,
    };
    await this.beat(beat, new Map(), existing?.queues.includes(queue) ? [] : [queue]);
    return { ...beat, last_seen: now, lost_after_ms: HTTP_LOST_AFTER_MS, status: 'idle' };
  }

  /** Counts a job a registered worker finished (HTTP workers: `X-presque-workerid`); unknown ids are ignored. */
  async credit(workerId: string, outcome: 'processed' | 'failed'): Promise<void> {
    const redis = this.connections.client;
    if ((await redis.zscore(this.k('workers'), workerId)) === null) return;
    const now = Date.now();
    await redis
      .multi()
      .hincrby(this.k('worker', workerId), outcome, 1)
      .hset(this.k('worker', workerId), 'last_seen', String(now))
      .zadd(this.k('workers'), now, workerId)
      .hincrby(this.k('totals'), outcome, 1)
      .exec();
  }

  /** Fleet statistics of one queue. */
  async queueStats(queue: string, workers?: WorkerRecord[]): Promise<QueueFleetStats> {
    const redis = this.connections.client;
    const [counters, ever, { wait, run }] = await Promise.all([
      redis.hgetall(this.k('queue', queue)),
      redis.pfcount(this.k('ever', queue)),
      this.timingBuckets(queue),
    ]);
    const live = (workers ?? (await this.list())).filter(
      (w) => w.status !== 'lost' && w.queues.includes(queue),
    );
    return {
      current_workers: live.length,
      distinct_workers_ever: ever,
      registrations: Number(counters.registrations ?? 0),
      terminations: Number(counters.terminations ?? 0),
      first_seen: counters.first_seen ? Number(counters.first_seen) : null,
      wait_ms: {
        p50: LatencyHistogram.percentile(wait, 50),
        p95: LatencyHistogram.percentile(wait, 95),
      },
      run_ms: {
        p50: LatencyHistogram.percentile(run, 50),
        p95: LatencyHistogram.percentile(run, 95),
      },
    };
  }

  /**
   * The wait (enqueue → start) and run (start → finish) histograms of `queue` since it was first
   * seen, as `[upper bound in ms, count]` pairs by rising bound: what a chart of the spread draws.
   */
  async timings(queue: string): Promise<{ wait: [number, number][]; run: [number, number][] }> {
    const { wait, run } = await this.timingBuckets(queue);
    const pairs = (buckets: Map<number, number>): [number, number][] =>
      [...buckets.entries()]
        .sort(([a], [b]) => a - b)
        .map(([bucket, n]) => [LatencyHistogram.upperBound(bucket), n]);
    return { wait: pairs(wait), run: pairs(run) };
  }

  private async timingBuckets(
    queue: string,
  ): Promise<{ wait: Map<number, number>; run: Map<number, number> }> {
    const timing = await this.connections.client.hgetall(this.k('timing', queue));
    const wait = new Map<number, number>();
    const run = new Map<number, number>();
    for (const [field, n] of Object.entries(timing))
      (field[0] === 'w' ? wait : run).set(Number(field.slice(1)), Number(n));
    return { wait, run };
  }

  /** Fleet-wide totals: they keep the counters of workers long gone. */
  async totals(): Promise<{
    distinct_workers_ever: number;
    registrations: number;
    terminations: number;
    processed: number;
    failed: number;
  }> {
    const redis = this.connections.client;
    const [t, ever] = await Promise.all([
      redis.hgetall(this.k('totals')),
      redis.pfcount(this.k('ever')),
    ]);
    return {
      distinct_workers_ever: ever,
      registrations: Number(t.registrations ?? 0),
      terminations: Number(t.terminations ?? 0),
      processed: Number(t.processed ?? 0),
      failed: Number(t.failed ?? 0),
    };
  }

  /** Forgets a queue's fleet statistics (with `DELETE /q/:queue`). */
  async purgeQueue(queue: string): Promise<void> {
    await this.connections.client.del(
      this.k('queue', queue),
      this.k('ever', queue),
      this.k('timing', queue),
    );
  }
}

function serialise(record: WorkerBeat & { last_seen: number }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = Array.isArray(value) ? JSON.stringify(value) : value === null ? '' : String(value);
  }
  return out;
}

function toRecord(row: Record<string, string>, now: number): WorkerRecord {
  const record = { ...row } as Record<string, unknown>;
  for (const key of NUMERIC)
    record[key] = row[key] === '' || row[key] === undefined ? null : Number(row[key]);
  record.queues = JSON.parse(row.queues || '[]');
  record.current_jobs = JSON.parse(row.current_jobs || '[]');
  const r = record as unknown as WorkerRecord;
  r.lost_after_ms = r.kind === 'http' ? HTTP_LOST_AFTER_MS : 3 * (r.heartbeat_ms || HEARTBEAT_MS);
  r.status = now - r.last_seen > r.lost_after_ms ? 'lost' : r.active > 0 ? 'busy' : 'idle';
  return r;
}
