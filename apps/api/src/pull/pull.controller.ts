import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { LeasedJob, NoJobError, PullService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { JsonBodyGuard, Requires } from '@jobq/http';
import { BatchPullQueryDto } from './batch-pull-query.dto';
import { CompleteLeaseDto } from './complete-lease.dto';
import { FailLeaseDto } from './fail-lease.dto';
import { PullQueryDto } from './pull-query.dto';

const DEFAULT_BATCH = 10;
const WORKER_HEADER = {
  name: 'X-presque-workerid',
  required: false,
  description: 'the registered HTTP worker pulling; credited when the lease ends',
};

/** HTTP pull workers: lease jobs (presque `GET /q`, `GET /qb`), then complete or fail them. */
@ApiTags('pull')
@Controller()
export class PullController {
  constructor(private readonly pull: PullService) {}

  @Get('q/:queue')
  @Requires('consume')
  @ApiOperation({
    summary: 'Lease one job; the body is its payload as posted',
    description:
      'Headers X-Job-Id, X-Job-Name, X-Lease-Token, X-Lease-Expires (epoch ms). Not completed or failed ' +
      'before the lease (policy lease_ms) runs out, the job goes back to the queue.',
  })
  @ApiHeader(WORKER_HEADER)
  @ApiOkResponse({ schema: { type: 'object', example: { key: 'value' } } })
  @ApiNotFoundResponse({ description: '{"error":"no job"} or {"error":"queue is closed"}' })
  async pullOne(
    @Param('queue') queue: string,
    @Query() query: PullQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-presque-workerid') workerId?: string,
  ): Promise<unknown> {
    const [job] = await this.pull.lease(queue, 1, toMs(query.wait), workerId);
    if (!job) throw new NoJobError();
    void reply.headers({
      'x-job-id': job.id,
      'x-job-name': job.name,
      'x-lease-token': job.token,
      'x-lease-expires': String(job.expiresAt),
    });
    return job.data;
  }

  @Get('qb/:queue')
  @Requires('consume')
  @ApiOperation({
    summary: 'Lease up to batch_size jobs',
    description:
      'A JSON array of payloads, ids and lease tokens in X-Job-Ids / X-Lease-Tokens (comma lists, same order); ' +
      'envelope=1 answers [{id, name, data, lease: {token, expires_at}}] instead.',
  })
  @ApiHeader(WORKER_HEADER)
  @ApiNotFoundResponse({ description: '{"error":"no job"} or {"error":"queue is closed"}' })
  async pullBatch(
    @Param('queue') queue: string,
    @Query() query: BatchPullQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-presque-workerid') workerId?: string,
  ): Promise<unknown[]> {
    const size = query.batch_size ?? DEFAULT_BATCH;
    const jobs = await this.pull.lease(queue, size, toMs(query.wait), workerId);
    if (jobs.length === 0) throw new NoJobError();
    void reply.headers({
      'x-job-ids': jobs.map((j) => j.id).join(','),
      'x-lease-tokens': jobs.map((j) => j.token).join(','),
    });
    return query.envelope ? jobs.map(envelope) : jobs.map((j) => j.data);
  }

  @Post('q/:queue/jobs/:id/complete')
  @Requires('consume')
  @HttpCode(200)
  @UseGuards(JsonBodyGuard)
  @ApiTags('jobs')
  @ApiOperation({ summary: 'Complete a leased job' })
  @ApiHeader(WORKER_HEADER)
  @ApiOkResponse({ schema: { example: { id: '1', state: 'completed' } } })
  @ApiConflictResponse({
    description: 'the lease is gone (wrong token, expired, already acknowledged)',
  })
  @ApiNotFoundResponse({ description: 'no such job' })
  async complete(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Body() body: CompleteLeaseDto,
    @Headers('x-presque-workerid') workerId?: string,
  ): Promise<{ id: string; state: string }> {
    return { id, state: await this.pull.complete(queue, id, body.token, body.result, workerId) };
  }

  @Post('q/:queue/jobs/:id/fail')
  @Requires('consume')
  @HttpCode(200)
  @UseGuards(JsonBodyGuard)
  @ApiTags('jobs')
  @ApiOperation({
    summary: 'Fail one attempt of a leased job',
    description:
      'Retried with backoff while attempts remain (state delayed or waiting), then failed.',
  })
  @ApiHeader(WORKER_HEADER)
  @ApiOkResponse({ schema: { example: { id: '1', state: 'delayed' } } })
  @ApiConflictResponse({
    description: 'the lease is gone (wrong token, expired, already acknowledged)',
  })
  @ApiNotFoundResponse({ description: 'no such job' })
  async fail(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Body() body: FailLeaseDto,
    @Headers('x-presque-workerid') workerId?: string,
  ): Promise<{ id: string; state: string }> {
    return { id, state: await this.pull.fail(queue, id, body.token, body, workerId) };
  }
}

function toMs(wait: number | undefined): number {
  return Math.round((wait ?? 0) * 1000);
}

function envelope(job: LeasedJob) {
  return {
    id: job.id,
    name: job.name,
    data: job.data,
    lease: { token: job.token, expires_at: job.expiresAt },
  };
}
