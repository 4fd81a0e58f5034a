import type { Job, JobProgress } from 'bullmq';

/** What a handler gets besides the job: progress, logs and cancellation. */
export interface HandlerContext {
  /** The queue the job came from. */
  readonly queue: string;
  /**
   * Fires when the job runs past its queue's `timeout_ms` (policy); its `reason` is the timeout
   * error the job fails with. Pass it on to anything that waits (`fetch`, `setTimeout` from
   * `node:timers/promises`, …) so the work stops too.
   */
  readonly signal: AbortSignal;
  /** Sets the job's progress (a number 0-100, or any JSON object), visible on the job at once. */
  progress(value: JobProgress): Promise<void>;
  /** Appends a line to the job's log. */
  log(line: string): Promise<void>;
}

/**
 * A job handler: a Nest provider marked with `@JobHandler({ queue, name })`. `TData` is the payload
 * of that job name, `TResult` what the job completes with (kept as the job's result).
 *
 * Throw to fail the attempt (it is retried per the job's attempts and backoff); throw BullMQ's
 * `UnrecoverableError` when retrying cannot help. Never swallow an error.
 */
export interface Handler<TData = unknown, TResult = unknown> {
  handle(job: Job<TData, TResult>, ctx: HandlerContext): Promise<TResult> | TResult;
}
