import { JobqError } from './jobq.error';

/** A request body that is not JSON where JSON is required. */
export class UnsupportedMediaTypeError extends JobqError {
  constructor(contentType: string | undefined) {
    super(
      'unsupported_media',
      'UNSUPPORTED_MEDIA_TYPE',
      `the body must be JSON: send it with Content-Type: application/json (got ${contentType ? JSON.stringify(contentType) : 'no Content-Type'})`,
    );
  }
}
