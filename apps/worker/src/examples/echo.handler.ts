import type { Job } from 'bullmq';
import { JobHandler, type Handler } from '@jobq/worker';
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
