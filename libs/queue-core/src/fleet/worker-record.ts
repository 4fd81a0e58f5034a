/** Worker ids: 1-128 letters, digits or `. _ : @ -`, starting with a letter or digit. */
export const WORKER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** How a worker gets its jobs. Persisted — never rename. */
export type WorkerKind = 'process' | 'http';

/** What a worker reports on each heartbeat (SPEC §4). Field names are persisted — never rename. */
export interface WorkerBeat {
  worker_id: string;
  kind: WorkerKind;
  host: string;
  pid: number | null;
  queues: string[];
  concurrency: number;
  started_at: number;
  processed: number;
  failed: number;
  active: number;
  current_jobs: string[];
  busy_ms: number;
  /** Busy share of the worker's capacity over the last minute, 0..1. */
  utilization: number;
  idle_since: number | null;
  rss_bytes: number;
  heap_bytes: number;
  version: string;
  /** How often this worker beats; it is lost after 3 missed beats. */
  heartbeat_ms: number;
}

/** A worker as listed: its last beat, when that was, and whether it is still alive. */
export interface WorkerRecord extends WorkerBeat {
  last_seen: number;
  /**
   * Silence after which the worker counts as lost: 3 heartbeats for a worker process, 5 minutes
   * for an HTTP worker (it does not beat; each job it completes or fails counts as one).
   */
  lost_after_ms: number;
  /** `lost` once silent for `lost_after_ms`; `busy` while running jobs; else `idle`. */
  status: 'busy' | 'idle' | 'lost';
}

/** Per-queue deltas a worker flushes with its beat: counts (into the fleet totals) and durations since the last beat. */
export interface QueueDeltas {
  processed: number;
  failed: number;
  /** `[bucket, count]` pairs of enqueue → start durations. */
  wait: [number, number][];
  /** `[bucket, count]` pairs of start → finish durations. */
  run: [number, number][];
}

/** Fleet statistics of one queue (SPEC §4). */
export interface QueueFleetStats {
  current_workers: number;
  distinct_workers_ever: number;
  registrations: number;
  terminations: number;
  first_seen: number | null;
  wait_ms: { p50: number | null; p95: number | null };
  run_ms: { p50: number | null; p95: number | null };
}
