import { Controller, Delete, Get, HttpCode, Param, Query, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueAdminService, QueueInfo, QueueStatsService, QueueStatus } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';
import { StatusQueryDto } from './status-query.dto';
import { Requires } from '@jobq/http';

/** presque `/j`, `/status` and `DELETE /q`: what queues there are and how they stand. */
@ApiTags('queues')
@Controller()
export class QueuesController {
  constructor(
    private readonly stats: QueueStatsService,
    private readonly admin: QueueAdminService,
    private readonly audit: ApiAuditor,
  ) {}

  @Get('j')
  @Requires('read')
  @ApiOperation({ summary: 'List queues (also GET /j/)' })
  @ApiOkResponse({ schema: { example: { queues: ['demo', 'emails'] } } })
  async list(): Promise<{ queues: string[] }> {
    return { queues: await this.stats.list() };
  }

  @Get('j/:queue')
  @Requires('read')
  @ApiOperation({
    summary: 'One queue: size, processed and failed totals, counts by state, policy',
  })
  info(@Param('queue') queue: string): Promise<QueueInfo> {
    return this.stats.info(queue);
  }

  @Get('status')
  @Requires('read')
  @ApiOperation({ summary: 'Queues and how many there are (also GET /status/)' })
  @ApiOkResponse({ schema: { example: { queues: ['demo'], size: 1 } } })
  async overview(): Promise<{ queues: string[]; size: number }> {
    const queues = await this.stats.list();
    return { queues, size: queues.length };
  }

  @Get('status/:queue')
  @Requires('read')
  @ApiOperation({
    summary: 'One queue: size, state, totals, counts; with_desc=1 lists waiting jobs',
  })
  status(@Param('queue') queue: string, @Query() query: StatusQueryDto): Promise<QueueStatus> {
    return this.stats.status(queue, query.with_desc === true);
  }

  @Delete('q/:queue')
  @Requires('administer')
  @HttpCode(204)
  @ApiTags('jobs')
  @ApiOperation({ summary: 'Purge and delete the queue: its jobs, counters and policy' })
  @ApiNoContentResponse()
  async purge(@Param('queue') queue: string, @Req() request: FastifyRequest): Promise<void> {
    await this.admin.purge(queue);
    await this.audit.record(request, 'queue.purge', { queue });
  }
}
