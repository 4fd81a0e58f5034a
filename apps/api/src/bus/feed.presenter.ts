import { Injectable } from '@nestjs/common';
import { AtomFeedBuilder, BusMessage, BusPage, BusService, TopicInfo } from '@jobq/queue-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { abortOnClose } from './abort-on-close';
import { FeedFormat, negotiateFormat } from './feed-format';
import { ReadFeedQueryDto } from './read-feed-query.dto';

const ATOM_FEED = 'application/atom+xml; charset=utf-8';
const ATOM_ENTRY = 'application/atom+xml; type=entry; charset=utf-8';
const ATOM_SERVICE = 'application/atomsvc+xml; charset=utf-8';

/** A page of a topic as JSON. */
export interface PageBody {
  topic: string;
  messages: BusMessage[];
  links: { self: string; next?: string };
}

/**
 * Turns bus results into HTTP answers, JSON or Atom: links (`self`, `next`), `ETag` = the last
 * message id with `If-None-Match` → 304, `Location` for new messages.
 */
@Injectable()
export class FeedPresenter {
  constructor(
    private readonly atom: AtomFeedBuilder,
    private readonly bus: BusService,
  ) {}

  /** Reads a page of `topic` (waiting with `?wait`) and answers it in the negotiated format. */
  async read(
    request: FastifyRequest,
    reply: FastifyReply,
    topic: string,
    query: ReadFeedQueryDto,
    fallback: FeedFormat,
  ): Promise<PageBody | string> {
    const page = await this.bus.read(topic, {
      start_after: query.start_after,
      start_at: query.start_at,
      page_size: query.page_size,
      waitMs: (query.wait ?? 0) * 1000,
      signal: abortOnClose(reply),
    });
    return this.page(request, reply, page, negotiateFormat(request, query.format, fallback));
  }

  /** A page of a topic; `''` with 304 when the client already has it. */
  page(
    request: FastifyRequest,
    reply: FastifyReply,
    page: BusPage,
    format: FeedFormat,
  ): PageBody | string {
    const last = page.messages.at(-1)?.id ?? page.cursor;
    const links = {
      self: absolute(request, request.url),
      ...(last ? { next: absolute(request, nextUrl(request, last)) } : {}),
    };
    void reply.header('Vary', 'Accept').header('Cache-Control', 'no-cache');
    if (links.next) void reply.header('Link', `<${links.next}>; rel="next"`);
    if (last) {
      void reply.header('ETag', `"${last}"`);
      if (matchesEtag(request.headers['if-none-match'], last)) {
        void reply.status(304);
        return '';
      }
    }
    if (format === 'json') return { topic: page.topic, messages: page.messages, links };
    void reply.type(ATOM_FEED);
    return this.atom.feed(page.topic, page.messages, links);
  }

  /** One message: a JSON object or an Atom entry document. */
  message(
    request: FastifyRequest,
    reply: FastifyReply,
    topic: string,
    message: BusMessage,
    format: FeedFormat,
  ): BusMessage | string {
    const location = messagePath(topic, message.id);
    void reply.header('ETag', `"${message.id}"`);
    if (format === 'json') return message;
    void reply.type(ATOM_ENTRY);
    return this.atom.entry(message, absolute(request, location));
  }

  /** A message just published: 201 with its `Location`. */
  created(
    request: FastifyRequest,
    reply: FastifyReply,
    topic: string,
    message: BusMessage,
    format: FeedFormat,
  ): BusMessage | string {
    void reply.status(201).header('Location', messagePath(topic, message.id));
    return this.message(request, reply, topic, message, format);
  }

  /** Every topic: `{topics}` as JSON, else an AtomPub service document. */
  topics(
    request: FastifyRequest,
    reply: FastifyReply,
    topics: TopicInfo[],
    format: FeedFormat,
  ): { topics: TopicInfo[] } | string {
    void reply.header('Vary', 'Accept');
    if (format === 'json') return { topics };
    void reply.type(ATOM_SERVICE);
    const collections = topics.map((t) => ({
      title: t.name,
      href: absolute(request, `/bus/${t.name}`),
    }));
    return this.atom.serviceDocument(collections);
  }
}

function messagePath(topic: string, id: string): string {
  return `/bus/${topic}/messages/${encodeURIComponent(id)}`;
}

/** `path` (with its query) on the host the client asked; only path and query are taken from it. */
function absolute(request: FastifyRequest, path: string): string {
  let url: URL;
  try {
    url = new URL(`${request.protocol}://${request.host}`);
  } catch {
    url = new URL('http://127.0.0.1');
  }
  const parsed = new URL(path, 'http://x');
  url.pathname = parsed.pathname;
  url.search = parsed.search;
  return url.href;
}

function nextUrl(request: FastifyRequest, last: string): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.delete('start_at');
  url.searchParams.set('start_after', last);
  return `${url.pathname}${url.search}`;
}

/** Whether an If-None-Match header names `id` (quoted or not, weak or strong, or `*`). */
function matchesEtag(header: string | undefined, id: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .some((tag) => tag === id || tag === '*');
}
