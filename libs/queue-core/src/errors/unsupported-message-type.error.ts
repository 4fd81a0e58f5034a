import { JobqError } from './jobq.error';

/** A publish whose body is neither JSON nor an Atom entry. */
export class UnsupportedMessageTypeError extends JobqError {
  constructor(contentType: string | undefined) {
    super(
      'unsupported_media',
      'UNSUPPORTED_MEDIA_TYPE',
      `publish a JSON body (Content-Type: application/json) or an Atom entry (Content-Type: application/atom+xml); got ${contentType ? JSON.stringify(contentType) : 'no Content-Type'}`,
    );
  }
}
