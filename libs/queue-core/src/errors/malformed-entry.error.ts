import { JobqError } from './jobq.error';

/** An Atom entry (or other bus message body) that cannot be read; the message says why. */
export class MalformedEntryError extends JobqError {
  constructor(problem: string, details?: unknown) {
    super(
      'invalid',
      'MALFORMED_ENTRY',
      `${problem}; send an Atom entry like <entry xmlns="http://www.w3.org/2005/Atom"><title>hello</title><content type="text">a message</content></entry>`,
      details,
    );
  }
}
