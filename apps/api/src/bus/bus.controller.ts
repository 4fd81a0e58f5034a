import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BusMessage, BusService } from '@jobq/queue-core';
import { describeContentType, Requires, UnsupportedMediaTypeException } from '@jobq/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';
import { XML_MEDIA_TYPES } from './atom-body.setup';
import { negotiateFormat } from './feed-format';
import { FeedPresenter, PageBody } from './feed.presenter';
import { FormatQueryDto } from './format-query.dto';
import { PublishQueryDto } from './publish-query.dto';
import { ReadFeedQueryDto } from './read-feed-query.dto';

/** The message bus: topics as JSON or Atom feeds (AtomMQ). */
@ApiTags('bus')
@Controller('bus')
export class BusController {
  constructor(
    private readonly bus: BusService,
    private readonly presenter: FeedPresenter,
    private readonly audit: ApiAuditor,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({
    summary: 'List topics: AtomPub service document, or {topics} for Accept: application/json',
  })
  async topics(
    @Query() query: FormatQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<object | string> {
    const format = negotiateFormat(request, query.format, 'atom');
    return this.presenter.topics(request, reply, await this.bus.list(), format);
  }

  @Post(':topic')
  @Requires('produce')
  @ApiOperation({
    summary: 'Publish a JSON body, or an Atom <entry> (application/atom+xml)',
    description: 'JSON in → the message as JSON; Atom in → an Atom entry. Location: the message.',
  })
  @ApiCreatedResponse({ description: 'the message {id, seq, published_at, title?, content}' })
  async publish(
    @Param('topic') topic: string,
    @Query() query: PublishQueryDto,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusMessage | string> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (XML_MEDIA_TYPES.includes(type)) {
      const message = await this.bus.publishAtom(topic, typeof body === 'string' ? body : '');
      return this.presenter.created(request, reply, topic, message, 'atom');
    }
    if (type === 'application/json' || type.endsWith('+json')) {
      const message = await this.bus.publishJson(topic, body, query.title);
      return this.presenter.created(request, reply, topic, message, 'json');
    }
    throw new UnsupportedMediaTypeException(
      `publish a JSON body (Content-Type: application/json) or an Atom entry (Content-Type: application/atom+xml); got ${describeContentType(request.headers['content-type'])}`,
    );
  }

  @Get(':topic')
  @Requires('consume')
  @ApiOperation({
    summary: 'Read messages oldest first (JSON; Atom for Accept: application/atom+xml)',
    description:
      'start_after / start_at a message id, page_size (≤ 10000), wait=<s> long-polls at the end. ETag = last id.',
  })
  @ApiOkResponse({ description: '{topic, messages, links}, or an Atom feed; 304 if unchanged' })
  async read(
    @Param('topic') topic: string,
    @Query() query: ReadFeedQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageBody | string> {
    return this.presenter.read(request, reply, topic, query, 'json');
  }

  @Get(':topic/messages/:id')
  @Requires('consume')
  @ApiOperation({ summary: 'One message (JSON, or an Atom entry)' })
  async message(
    @Param('topic') topic: string,
    @Param('id') id: string,
    @Query() query: FormatQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusMessage | string> {
    const message = await this.bus.message(topic, id);
    const format = negotiateFormat(request, query.format, 'json');
    return this.presenter.message(request, reply, topic, message, format);
  }

  @Delete(':topic')
  @Requires('administer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a topic and all its messages' })
  @ApiNoContentResponse()
  async remove(@Param('topic') topic: string, @Req() request: FastifyRequest): Promise<void> {
    await this.bus.remove(topic);
    await this.audit.record(request, 'topic.delete', { topic });
  }
}
