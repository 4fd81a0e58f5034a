import { JobqError } from './jobq.error';

/** A bus cursor (`start_after`, `start_at`, `Last-Event-ID`) naming no message of the topic. */
export class InvalidCursorError extends JobqError {
  constructor(topic: string, param: string, id: string) {
    super(
      'invalid',
      'INVALID_CURSOR',
      `${param} ${JSON.stringify(id)} is not a message of topic ${JSON.stringify(topic)}: use the id (urn:uuid:…) of a message still in the topic (it may have been removed by the topic's retention), or leave ${param} out to start from the oldest`,
      { param, id },
    );
  }
}
