import { HttpException, HttpStatus } from '@nestjs/common';

/** A request body in a content type the route does not take (415, code `UNSUPPORTED_MEDIA_TYPE`). */
export class UnsupportedMediaTypeException extends HttpException {
  /** @param message - what to send instead, and what was sent. */
  constructor(message: string) {
    super(message, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
}

/** How a message names the Content-Type a client sent. */
export function describeContentType(contentType: string | undefined): string {
  return contentType ? JSON.stringify(contentType) : 'no Content-Type';
}
