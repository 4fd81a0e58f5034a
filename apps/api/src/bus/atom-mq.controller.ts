import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusMessage, BusService } from '@jobq/queue-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ATOM_ENTRY_BODY } from './atom-body.setup';
import { negotiateFormat } from './feed-format';
import { FeedPresenter, PageBody } from './feed.presenter';
import { FormatQueryDto } from './format-query.dto';
import { ReadFeedQueryDto } from './read-feed-query.dto';
import { Requires } from '@jobq/http';

const PATHS = ['feeds/:topic', 'feed=:topic'];

/**
 * AtomMQ's own routes, `/feeds/:topic` and `/feed=:topic`: the topic as an Atom feed by default,
 * and a POST read as an Atom entry whatever its Content-Type (AtomMQ's example is `curl -d`).
 */
@ApiTags('bus')
@Controller()
export class AtomMqController {
  constructor(
    private readonly bus: BusService,
    private readonly presenter: FeedPresenter,
  ) {}

  @Get(PATHS)
  @Requires('consume')
  @ApiOperation({
    summary: 'AtomMQ: read a topic as an Atom feed (JSON for Accept: application/json)',
  })
  @ApiOkResponse({ description: 'an Atom feed; 304 if unchanged' })
  read(
    @Param('topic') topic: string,
    @Query() query: ReadFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageBody | string> {
    return this.presenter.read(request, reply, topic, query, 'atom');
  }

  @Post(PATHS)
  @Requires('produce')
  @RouteConfig({ [ATOM_ENTRY_BODY]: true })
  @ApiOperation({ summary: 'AtomMQ: publish an Atom <entry> (any Content-Type; JSON is JSON)' })
  @ApiCreatedResponse({ description: 'the Atom entry as stored; Location: the message' })
  async publish(
    @Param('topic') topic: string,
    @Query() query: FormatQueryDto,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusMessage | string> {
    const message =
      typeof body === 'string' || body === undefined
        ? await this.bus.publishAtom(topic, body ?? '')
        : await this.bus.publishJson(topic, body);
    return this.presenter.created(
      request,
      reply,
      topic,
      message,
      negotiateFormat(request, query.format, 'atom'),
    );
  }
}
