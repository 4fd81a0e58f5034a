import {
  Controller,
  Get,
  Headers,
  MessageEvent,
  Param,
  Query,
  Res,
  Sse,
  SseSignal,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusMessage, BusPollService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { concatMap, from, Observable } from 'rxjs';
import { abortOnClose } from './abort-on-close';
import { PollQueryDto } from './poll-query.dto';
import { StreamQueryDto } from './stream-query.dto';
import { Requires } from '@jobq/http';

/** Seconds a poll waits by default (Tatsumaki clients poll with ~55 s). */
const DEFAULT_POLL_TIMEOUT_S = 55;
/** A keep-alive comment after this much silence keeps proxies from closing a stream. */
const HEARTBEAT_MS = 15_000;

/** Tatsumaki::MessageQueue: long-poll and Server-Sent Events with server-side client cursors. */
@ApiTags('bus')
@Controller('bus')
export class BusPollController {
  constructor(private readonly polls: BusPollService) {}

  @Get(':topic/poll')
  @Requires('consume')
  @ApiOperation({
    summary: 'Long-poll: messages since this client last polled (new clients: the backlog)',
    description:
      'Waits up to timeout s for news, then []. A newer poll with the same client_id answers this one with [].',
  })
  @ApiOkResponse({ description: 'JSON array of messages' })
  poll(
    @Param('topic') topic: string,
    @Query() query: PollQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusMessage[]> {
    void reply.header('Cache-Control', 'no-store');
    return this.polls.poll(topic, query.client_id, {
      timeoutMs: (query.timeout ?? DEFAULT_POLL_TIMEOUT_S) * 1000,
      signal: abortOnClose(reply),
    });
  }

  @Sse(':topic/stream')
  @Requires('consume')
  @ApiOperation({
    summary: 'Server-Sent Events: one event per message, id = message id',
    description: 'Last-Event-ID resumes just after that message, without loss.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  async stream(
    @Param('topic') topic: string,
    @Query() query: StreamQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    const stream = await this.polls.openStream(topic, query.client_id, lastEventId);
    return from(stream.batches(signal, HEARTBEAT_MS)).pipe(
      concatMap((batch): MessageEvent[] =>
        batch.length > 0 ? batch.map((m) => ({ id: m.id, data: m })) : [{ comment: 'keep-alive' }],
      ),
    );
  }
}
