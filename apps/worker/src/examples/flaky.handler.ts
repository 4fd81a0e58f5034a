import { UnrecoverableError, type Job } from 'bullmq';
import { JobHandler, type Handler } from '@jobq/worker';
import { DEMO_QUEUE } from './demo-queue';

export interface FlakyData {
  /** How many attempts fail before one succeeds. @defaultValue 1 */
  fail_times?: number;
  /** Fail with `UnrecoverableError`: the job fails at once, whatever its attempts. */
  permanent?: boolean;
}

export interface FlakyResult {
  /** The attempt that succeeded (1 = the first). */
  attempt: number;
}

/** `demo`/`flaky`: fails its first `fail_times` attempts, then completes. */
@JobHandler({ queue: DEMO_QUEUE, name: 'flaky' })
export class FlakyHandler implements Handler<FlakyData, FlakyResult> {
  handle(job: Job<FlakyData, FlakyResult>): FlakyResult {
    const failTimes = job.data.fail_times ?? 1;
    if (!Number.isInteger(failTimes) || failTimes < 0) {
      throw new UnrecoverableError(
        `flaky: fail_times must be an integer >= 0 (got ${JSON.stringify(failTimes)})`,
      );
    }
    const attempt = job.attemptsMade + 1;
    if (attempt <= failTimes) {
      const message = `flaky failure on attempt ${attempt} (fails ${failTimes} times)`;
      throw job.data.permanent ? new UnrecoverableError(message) : new Error(message);
    }
    return { attempt };
  }
}
