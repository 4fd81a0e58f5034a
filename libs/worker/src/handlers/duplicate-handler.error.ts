import { JobqError } from '@jobq/queue-core';

/** Two handlers claim the same queue and job name: the worker refuses to start. */
export class DuplicateHandlerError extends JobqError {
  constructor(queue: string, name: string, first: string, second: string) {
    super(
      'conflict',
      'DUPLICATE_HANDLER',
      `two handlers for job "${name}" on queue "${queue}": ${first} and ${second}; keep one of them`,
      { queue, name, handlers: [first, second] },
    );
  }
}
