import type { QueueFleetStats } from '../fleet/worker-record';
import type { QueuePolicy } from '../policy/queue-policy';

/** The job states a queue's jobs are counted and listed by, as BullMQ names them. */
export const JOB_STATES = [
  'waiting',
  'prioritized',
  'delayed',
  'active',
  'completed',
  'failed',
  'waiting-children',
] as const;

/** Jobs of a queue by BullMQ state. */
export type QueueCounts = Record<(typeof JOB_STATES)[number], number>;

/** presque `GET /j/:queue`: one queue's size, totals, counts by state and policy. */
export interface QueueInfo {
  queue_name: string;
  /** Jobs not yet handed out: waiting (paused included), prioritized, delayed. */
  job_count: number;
  /** Jobs completed, ever (BullMQ metrics). */
  job_processed: number;
  /** Jobs failed for good, ever (BullMQ metrics), plus failures reported by re-inserting a payload. */
  job_failed: number;
  counts: QueueCounts;
  policy: QueuePolicy;
}

/** A waiting job as `?with_desc=1` lists it. */
export interface WaitingJob {
  id: string;
  name: string;
  data: unknown;
  created_at: string;
}

/** `GET /status/:queue`. */
export interface QueueStatus extends QueueFleetStats {
  queue: string;
  /** Same as {@link QueueInfo.job_count}. */
  size: number;
  state: QueuePolicy['state'];
  /** Jobs ever enqueued with a generated id (BullMQ's id counter; `uniq` jobs carry their own ids). */
  enqueued: number;
  processed: number;
  failed: number;
  counts: QueueCounts;
  /** Jobs completed and failed per minute, newest first, over the last hour (BullMQ metrics). */
  per_minute: { completed: number[]; failed: number[] };
  /** With `with_desc`: the first waiting jobs, in the order they will be handed out. */
  jobs?: WaitingJob[];
}

/** One queue as the dashboard overview shows it. */
export interface QueueSummary {
  queue: string;
  state: QueuePolicy['state'];
  /** Same as {@link QueueInfo.job_count}. */
  size: number;
  counts: QueueCounts;
  processed: number;
  failed: number;
  /** Jobs completed per minute, newest first, over the last {@link OVERVIEW_MINUTES} minutes. */
  completed_per_minute: number[];
  /** Live workers serving the queue now. */
  workers: number;
  policy: QueuePolicy;
}

/** Every queue at a glance, with fleet-wide figures. */
export interface QueueOverview {
  queues: QueueSummary[];
  /** Workers beating now (lost ones excluded), across all queues. */
  workers: number;
  /** ISO 8601 time the overview was read. */
  generated_at: string;
}

/** Minutes of throughput each overview row carries (its sparkline). */
export const OVERVIEW_MINUTES = 30;
