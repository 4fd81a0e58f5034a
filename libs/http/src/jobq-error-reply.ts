import { HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { JobqError, JobqErrorKind } from '@jobq/queue-core';
import type { ErrorBody } from './error-body';

/** The HTTP status of each kind of domain error. */
const STATUS_OF_KIND: Readonly<Record<JobqErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * `Retry-After` (seconds) of the kinds a client should simply repeat: about the longest pause
 * between two reconnect attempts of a jobq process.
 */
const RETRY_AFTER_S: Readonly<Partial<Record<JobqErrorKind, number>>> = { unavailable: 2 };

/** A domain error as an HTTP answer: its status and `{error, code, details?}` body. */
function errorResponse(error: JobqError): [number, ErrorBody] {
  return [
    STATUS_OF_KIND[error.kind],
    { error: error.message, code: error.code, details: error.details },
  ];
}

/**
 * Answers `reply` with `error` — for Fastify hooks that refuse a request before Nest's exception
 * filter could see it (route access, the session gate), in the same shape the filter gives.
 */
export function replyWithError(reply: FastifyReply, error: JobqError): FastifyReply {
  const [status, body] = errorResponse(error);
  const retryAfter = RETRY_AFTER_S[error.kind];
  if (retryAfter) void reply.header('retry-after', String(retryAfter));
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}
