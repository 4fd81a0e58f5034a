import { UnrecoverableError, type Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobHandler, type Handler, type HandlerContext } from '@jobq/worker';
import { DEMO_QUEUE } from './demo-queue';

export interface ProgressData {
  /** Steps to go through. @defaultValue 5 */
  steps?: number;
  /** Pause per step, in ms. @defaultValue 0 */
  step_ms?: number;
}

export interface ProgressResult {
  steps: number;
}

/** `demo`/`progress`: reports progress (percent) in `steps` steps, with a job log line per step. */
@JobHandler({ queue: DEMO_QUEUE, name: 'progress' })
export class ProgressHandler implements Handler<ProgressData, ProgressResult> {
  async handle(
    job: Job<ProgressData, ProgressResult>,
    ctx: HandlerContext,
  ): Promise<ProgressResult> {
    const { steps = 5, step_ms: stepMs = 0 } = job.data;
    if (!Number.isInteger(steps) || steps < 1 || steps > 10_000) {
      throw new UnrecoverableError(
        `progress: steps must be an integer 1-10000 (got ${JSON.stringify(steps)})`,
      );
    }
    if (typeof stepMs !== 'number' || !(stepMs >= 0)) {
      throw new UnrecoverableError(
        `progress: step_ms must be a number >= 0 (got ${JSON.stringify(stepMs)})`,
      );
    }
    for (let step = 1; step <= steps; step++) {
      if (stepMs) await sleep(stepMs, undefined, { signal: ctx.signal });
      await ctx.log(`step ${step}/${steps}`);
      await ctx.progress(Math.round((step / steps) * 100));
    }
    return { steps };
  }
}
