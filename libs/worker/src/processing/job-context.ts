import type { Job, JobProgress } from 'bullmq';
import type { HandlerContext } from '../handlers/handler';

/** The {@link HandlerContext} of one job run. The abort signal is made only when someone needs it. */
export class JobContext implements HandlerContext {
  private controller?: AbortController;

  constructor(
    readonly queue: string,
    private readonly job: Job,
  ) {}

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  /** Fires {@link signal} with `reason` (the error the job fails with). */
  abort(reason: Error): void {
    this.controller ??= new AbortController();
    this.controller.abort(reason);
  }

  progress(value: JobProgress): Promise<void> {
    return this.job.updateProgress(value);
  }

  async log(line: string): Promise<void> {
    await this.job.log(line);
  }
}
