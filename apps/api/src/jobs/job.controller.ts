import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JobService, JobView, RpcService } from '@jobq/queue-core';
import { WaitQuery } from '../rpc/wait-query.dto';

/** One job: look up, retry, remove. */
@ApiTags('jobs')
@Controller('q/:queue/jobs/:id')
export class JobController {
  constructor(
    private readonly jobs: JobService,
    private readonly rpc: RpcService,
  ) {}

  @Get()
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
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a failed job back to waiting' })
  @ApiConflictResponse({ description: 'the job is not failed' })
  retry(
    @Param('queue') queue: string,
    @Param('id') id: string,
  ): Promise<{ id: string; state: string }> {
    return this.jobs.retry(queue, id);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a job' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'the job is active (leased or running)' })
  async remove(@Param('queue') queue: string, @Param('id') id: string): Promise<void> {
    await this.jobs.remove(queue, id);
  }
}
