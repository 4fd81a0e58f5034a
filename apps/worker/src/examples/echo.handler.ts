import type { Job } from 'bullmq';
import type { Handler } from '../handler-registry/handler';
import { JobHandler } from '../handler-registry/job-handler.decorator';
import { DEMO_QUEUE } from './demo-queue';

/** Any JSON object. */
export type EchoData = Record<string, unknown>;

/** `demo`/`echo`: completes with its input. */
@JobHandler({ queue: DEMO_QUEUE, name: 'echo' })
export class EchoHandler implements Handler<EchoData, EchoData> {
  handle(job: Job<EchoData, EchoData>): EchoData {
    return job.data;
  }
}
