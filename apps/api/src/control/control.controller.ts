import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyStore, QueuePolicy } from '@jobq/queue-core';
import { JsonBodyGuard, Requires } from '@jobq/http';
import type { FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';
import { ControlStatusDto } from './control-status.dto';

/** presque's queue switch: a stopped queue hands nothing to any worker; enqueue still works. */
@ApiTags('queues')
@Controller('control/:queue')
export class ControlController {
  constructor(
    private readonly policies: PolicyStore,
    private readonly audit: ApiAuditor,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({ summary: 'Whether the queue is open ("1") or stopped ("0")' })
  @ApiOkResponse({ schema: { example: { queue: 'demo', status: '1', state: 'open' } } })
  async get(
    @Param('queue') queue: string,
  ): Promise<{ queue: string; status: '1' | '0'; state: QueuePolicy['state'] }> {
    const { state } = await this.policies.get(queue);
    return { queue, status: state === 'open' ? '1' : '0', state };
  }

  @Post()
  @Requires('operate')
  @HttpCode(200)
  @UseGuards(JsonBodyGuard)
  @ApiOperation({ summary: 'Stop or start the queue (policy state, BullMQ pause)' })
  @ApiOkResponse({ schema: { example: { response: 'updated', queue: 'demo' } } })
  @ApiBadRequestResponse({ description: 'status is neither "stop" nor "start"' })
  async set(
    @Param('queue') queue: string,
    @Body() body: ControlStatusDto,
    @Req() request: FastifyRequest,
  ): Promise<{ response: 'updated'; queue: string }> {
    const { state: before } = await this.policies.get(queue);
    const { state } = await this.policies.update(queue, {
      state: body.status === 'stop' ? 'stopped' : 'open',
    });
    await this.audit.record(request, state === 'open' ? 'queue.start' : 'queue.stop', {
      queue,
      before: { state: before },
      after: { state },
    });
    return { response: 'updated', queue };
  }
}
