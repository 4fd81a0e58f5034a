import { UnrecoverableError } from 'bullmq';

/** A job whose name no handler of its queue takes. Unrecoverable: retrying cannot help. */
export class NoHandlerError extends UnrecoverableError {
  constructor(queue: string, name: string, known: string[]) {
    super(
      `no handler for ${name} on queue ${queue} (handlers: ${known.length ? known.join(', ') : 'none'})`,
    );
  }
}
