import { JobqError } from '../errors/jobq.error';

/** A request without a valid API key where one is needed (401). */
export class ApiKeyRequiredError extends JobqError {
  /** @param problem - what is wrong with what was sent: nothing, another scheme, an unknown key. */
  constructor(problem: 'missing' | 'scheme' | 'invalid') {
    super('unauthorized', 'UNAUTHORIZED', MESSAGES[problem]);
  }
}

const HOW = 'send Authorization: Bearer <secret> with a secret from API_KEYS (README "Security")';
const MESSAGES = {
  missing: `this route needs an API key: ${HOW}`,
  scheme: `the Authorization header must use the Bearer scheme: ${HOW}`,
  invalid: `the API key is not valid (unknown or revoked): ${HOW}`,
};
