import { Injectable } from '@nestjs/common';
import { EnqueueOptions } from '../jobs/enqueue-options';
import { JobService } from '../jobs/job.service';
import { JobView } from '../jobs/job-view';
import { JobOutcome, JobWaiter } from './job-waiter';

/** Longest RPC wait, in seconds (SPEC §5). */
export const MAX_RPC_WAIT_S = 60;

/**
 * Spread::Queue's `rpc` and `receive` over BullMQ: enqueue and wait for the result on the queue's
 * shared `QueueEvents`, correlated by job id. A call that times out leaves the job running; its
 * result stays readable with {@link receive}.
 */
@Injectable()
export class RpcService {
  constructor(
    private readonly jobs: JobService,
    private readonly waiter: JobWaiter,
  ) {}

  /** Enqueues `data` and waits up to `timeoutS` seconds for the job to finish. */
  async call(
    queue: string,
    data: unknown,
    options: EnqueueOptions,
    timeoutS: number,
  ): Promise<JobOutcome> {
    const job = await this.jobs.enqueue(queue, data, options);
    return this.waiter.wait(queue, job.id, timeoutS * 1000);
  }

  /** The job once it has finished, or as it is after `waitS` seconds. @throws JobNotFoundError */
  async receive(queue: string, id: string, waitS: number): Promise<JobView> {
    const view = await this.jobs.find(queue, id);
    if (waitS > 0 && view.state !== 'completed' && view.state !== 'failed') {
      await this.waiter.wait(queue, id, waitS * 1000);
      return this.jobs.find(queue, id);
    }
    return view;
  }
}
