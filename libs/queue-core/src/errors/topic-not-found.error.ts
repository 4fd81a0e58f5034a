import { JobqError } from './jobq.error';

/** A bus topic that has never been published to (or was deleted). */
export class TopicNotFoundError extends JobqError {
  constructor(topic: string) {
    super(
      'not_found',
      'TOPIC_NOT_FOUND',
      `topic ${JSON.stringify(topic)} does not exist: publish a message to it first (POST /bus/${topic})`,
    );
  }
}
