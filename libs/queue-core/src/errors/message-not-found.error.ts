import { JobqError } from './jobq.error';

/** A bus message id that is not (or no longer) in its topic. */
export class MessageNotFoundError extends JobqError {
  constructor(topic: string, id: string) {
    super(
      'not_found',
      'MESSAGE_NOT_FOUND',
      `topic ${JSON.stringify(topic)} has no message ${JSON.stringify(id)} (never published, or removed by the topic's retention)`,
    );
  }
}
