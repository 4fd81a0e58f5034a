import { JobqError } from './jobq.error';

/** A pull from a queue whose policy state is `stopped` (presque's `queue is closed`). */
export class QueueClosedError extends JobqError {
  constructor(queue: string) {
    super('not_found', 'QUEUE_CLOSED', 'queue is closed', { queue });
  }
}
