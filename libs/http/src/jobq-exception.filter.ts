import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { JobqError, LOGGER, redisFailure } from '@jobq/queue-core';
import { ErrorBody } from './error-body';
import { replyWithError } from './jobq-error-reply';
import { describeContentType } from './unsupported-media-type.exception';

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** What to fix, for Fastify's body errors whose own message only names the problem. */
const HINTS: Record<string, (request: FastifyRequest) => string> = {
  UNSUPPORTED_MEDIA_TYPE: (request) =>
    `a body of ${describeContentType(request.headers['content-type'])} is not read here: send JSON with Content-Type: application/json`,
  PAYLOAD_TOO_LARGE: (request) =>
    `the body is larger than ${request.routeOptions.bodyLimit} bytes: send a smaller one`,
};

/**
 * The one place where errors become HTTP responses: domain errors by their kind (a Redis outage or
 * a full Redis, as queue-core names them, is 503 with `Retry-After`), Nest's HTTP exceptions and
 * Fastify's body-parser errors as themselves, and anything else as a logged 500. Every body is
 * `{error, code, details?}`.
 */
@Catch()
export class JobqExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const domain = exception instanceof JobqError ? exception : redisFailure(exception);
    if (domain) {
      if (!reply.sent) replyWithError(reply, domain);
      return;
    }
    const [status, body] = this.toResponse(exception, host);
    if (status >= 500 && status !== 503 && status !== 504) {
      this.logger.error({ err: exception }, 'unhandled error');
    }
    if (reply.sent) return;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toResponse(exception: unknown, host: ArgumentsHost): [number, ErrorBody] {
    if (exception instanceof HttpException && isFastifyError(exception.cause)) {
      return this.toResponse(exception.cause, host);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw =
        typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const messages = Array.isArray(raw) ? raw.map(String) : [String(raw ?? exception.message)];
      return [
        status,
        {
          error: messages.join('; '),
          code: HttpStatus[status] ?? 'ERROR',
          details: messages.length > 1 ? messages : undefined,
        },
      ];
    }
    const err = exception as {
      statusCode?: number;
      code?: string;
      message?: string;
      name?: string;
    };
    if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        (err.code && FASTIFY_CODES[err.code]) ??
        err.code ??
        HttpStatus[err.statusCode] ??
        'BAD_REQUEST';
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      return [
        err.statusCode,
        { error: HINTS[code]?.(request) ?? err.message ?? 'bad request', code },
      ];
    }
    return [500, { error: 'internal error', code: 'INTERNAL' }];
  }
}

/** One of Fastify's own errors (`FST_ERR_…`), which Nest hands over wrapped in an HttpException. */
function isFastifyError(cause: unknown): boolean {
  return (
    typeof (cause as { code?: unknown })?.code === 'string' &&
    /^FST_/.test((cause as { code: string }).code)
  );
}
