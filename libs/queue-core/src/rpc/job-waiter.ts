import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueEventsRegistry } from '../queues/queue-events.registry';
import { QueueRegistry } from '../queues/queue.registry';

/** How a wait for a job ended. */
export type JobOutcome =
  | { id: string; state: 'completed'; result: unknown }
  | { id: string; state: 'failed'; error: string }
  | { id: string; state: string; timedOut: true }
  | { id: string; state: 'missing' };

/**
 * Waits for a job's final state (Spread::Queue `receive` / `rpc`) on the queue's shared
 * `QueueEvents`: completed → its result; failed for good → its reason; still running after
 * `timeoutMs` → its current state (the job goes on; ask again later).
 */
@Injectable()
export class JobWaiter {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly events: QueueEventsRegistry,
  ) {}

  async wait(queueName: string, id: string, timeoutMs: number): Promise<JobOutcome> {
    const queue = this.queues.queue(queueName);
    const events = await this.events.get(queueName);
    const job = await Job.fromId(queue, id);
    if (!job) return { id, state: 'missing' };
    try {
      const result: unknown = await job.waitUntilFinished(events, timeoutMs);
      return { id, state: 'completed', result };
    } catch (err) {
      const state = await queue.getJobState(id);
      if (state === 'failed') return { id, state: 'failed', error: (err as Error).message };
      if (state === 'completed')
        return { id, state: 'completed', result: (await Job.fromId(queue, id))?.returnvalue };
      return { id, state, timedOut: true };
    }
  }
}
