import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Route config flag (`@RouteConfig({ [ATOM_ENTRY_BODY]: true })`): the body is an Atom entry whatever its Content-Type. */
export const ATOM_ENTRY_BODY = 'jobqAtomEntryBody';

/** XML media types whose bodies reach handlers as the raw string. */
export const XML_MEDIA_TYPES = ['application/atom+xml', 'application/xml', 'text/xml'];

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Teaches the API's Fastify instance to read Atom: XML bodies arrive as raw strings (bounded by
 * the app's body limit), and on AtomMQ's routes (flagged with {@link ATOM_ENTRY_BODY}) any body
 * that is not JSON — e.g. `curl -d '<entry …>'`, sent form-encoded — is read as an Atom entry,
 * as AtomMQ does. Other routes keep Fastify's and Nest's parsers.
 */
@Injectable()
export class AtomBodySetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of XML_MEDIA_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) =>
        done(null, body),
      );
    }
    fastify.addHook('onRequest', (request, _reply, done) => {
      // The content type first: it is cheap, and most requests are JSON.
      if (!JSON_TYPE.test(request.headers['content-type'] ?? '') && isAtomEntryRoute(request)) {
        request.headers['content-type'] = XML_MEDIA_TYPES[0];
      }
      done();
    });
  }
}

function isAtomEntryRoute(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as { [ATOM_ENTRY_BODY]?: unknown } | undefined;
  return config?.[ATOM_ENTRY_BODY] === true;
}
