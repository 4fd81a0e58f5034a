import { UnrecoverableError, type Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobHandler, type Handler, type HandlerContext } from '@jobq/worker';
import { DEMO_QUEUE } from './demo-queue';

export interface SleepData {
  /** How long to wait, in ms. @defaultValue 1000 */
  ms?: number;
}

export interface SleepResult {
  slept_ms: number;
}

/** `demo`/`sleep`: waits `ms`; stops early, failing, when the job is cancelled or times out. */
@JobHandler({ queue: DEMO_QUEUE, name: 'sleep' })
export class SleepHandler implements Handler<SleepData, SleepResult> {
  async handle(job: Job<SleepData, SleepResult>, ctx: HandlerContext): Promise<SleepResult> {
    const ms = job.data.ms ?? 1000;
    if (typeof ms !== 'number' || !(ms >= 0)) {
      throw new UnrecoverableError(`sleep: ms must be a number >= 0 (got ${JSON.stringify(ms)})`);
    }
    try {
      await sleep(ms, undefined, { signal: ctx.signal });
    } catch (err) {
      if (!ctx.signal.aborted) throw err;
      const reason: unknown = ctx.signal.reason;
      throw reason instanceof Error ? reason : new Error(`sleep cancelled: ${String(reason)}`);
    }
    return { slept_ms: ms };
  }
}
