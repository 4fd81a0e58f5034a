import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JobService, JobView, RpcService } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';
import { WaitQuery } from '../rpc/wait-query.dto';
import { Requires } from '@jobq/http';

/** One job: look up, retry, remove. */
@ApiTags('jobs')
@Controller('q/:queue/jobs/:id')
export class JobController {
  constructor(
    private readonly jobs: JobService,
    private readonly rpc: RpcService,
    private readonly audit: ApiAuditor,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({
    summary:
      'A job with its state, result, failure, progress and logs; ?wait=<s> waits for it to finish',
  })
  @ApiOkResponse({
    schema: {
      example: {
        id: '1',
        name: 'echo',
        queue: 'demo',
        state: 'completed',
        data: { hello: 'world' },
        progress: 0,
        attempts_made: 1,
        result: { hello: 'world' },
        failed_reason: null,
        stacktrace: [],
        created_at: '2025-01-01T00:00:00.000Z',
        processed_at: '2025-01-01T00:00:00.010Z',
        finished_at: '2025-01-01T00:00:00.020Z',
        logs: [],
      },
    },
  })
  @ApiNotFoundResponse({ description: 'no such job' })
  find(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Query() { wait = 0 }: WaitQuery,
  ): Promise<JobView> {
    return this.rpc.receive(queue, id, wait);
  }

  @Post('retry')
  @Requires('operate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a failed job back to waiting' })
  @ApiConflictResponse({ description: 'the job is not failed' })
  async retry(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<{ id: string; state: string }> {
    const retried = await this.jobs.retry(queue, id);
    await this.audit.record(request, 'job.retry', { queue, id });
    return retried;
  }

  @Delete()
  @Requires('administer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a job' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'the job is active (leased or running)' })
  async remove(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.jobs.remove(queue, id);
    await this.audit.record(request, 'job.delete', { queue, id });
  }
}
