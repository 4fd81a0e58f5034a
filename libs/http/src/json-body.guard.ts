import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  describeContentType,
  UnsupportedMediaTypeException,
} from './unsupported-media-type.exception';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Refuses (415) a request that carries a body in anything but JSON — Fastify would hand a
 * `text/plain` body over as a string. Runs before validation, so the client learns the real
 * problem first. A request without a body passes.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const type = request.headers['content-type'];
    const hasBody = request.body !== undefined && request.body !== '';
    if (hasBody && !(type && JSON_TYPE.test(type))) {
      throw new UnsupportedMediaTypeException(
        `the body must be JSON: send it with Content-Type: application/json (got ${describeContentType(type)})`,
      );
    }
    return true;
  }
}
