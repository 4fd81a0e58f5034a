import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import {
  EnqueuedJob,
  EnqueueOptions,
  InvalidPayloadError,
  JobService,
  PullService,
  RpcService,
} from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { BatchEnqueueDto } from './batch-enqueue.dto';
import { EnqueuedJobDto } from './enqueued-job.dto';
import { JsonBodyGuard, requireBody, Requires } from '@jobq/http';
import { EnqueueQuery } from './enqueue-query.dto';
import { rpcReply } from '../rpc/rpc-reply';

const PAYLOAD_SCHEMA = { type: 'object', example: { key: 'value' } };

/** Producing jobs: presque `POST /q`, `POST /qb`, `PUT /q`. */
@ApiTags('jobs')
@Controller()
@UseGuards(JsonBodyGuard)
export class EnqueueController {
  constructor(
    private readonly jobs: JobService,
    private readonly pull: PullService,
    private readonly rpc: RpcService,
  ) {}

  @Post('q/:queue')
  @Requires('produce')
  @ApiOperation({ summary: 'Enqueue the JSON body as a job' })
  @ApiBody({ schema: PAYLOAD_SCHEMA })
  @ApiCreatedResponse({ type: EnqueuedJobDto, description: 'Location: /q/:queue/jobs/:id' })
  @ApiConflictResponse({ description: 'job already exists (uniq)' })
  @ApiPayloadTooLargeResponse({ description: 'beyond the policy max_payload_bytes' })
  @ApiUnsupportedMediaTypeResponse({ description: 'body not sent as application/json' })
  async enqueue(
    @Param('queue') queue: string,
    @Query() query: EnqueueQuery,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const { wait, ...options } = query;
    if (wait)
      return rpcReply(
        reply.status(200),
        queue,
        await this.rpc.call(queue, requireBody(body), options, wait),
      );
    return located(reply, await this.jobs.enqueue(queue, requireBody(body), options));
  }

  @Post('qb/:queue')
  @Requires('produce')
  @ApiOperation({ summary: 'Enqueue a batch in one Redis round trip' })
  @ApiCreatedResponse({ schema: { example: { ids: ['1', '2'] } } })
  async enqueueBatch(
    @Param('queue') queue: string,
    @Body() body: BatchEnqueueDto,
  ): Promise<{ ids: string[] }> {
    return { ids: await this.jobs.enqueueBatch(queue, body.jobs) };
  }

  @Put('q/:queue')
  @Requires('consume')
  @HttpCode(201)
  @ApiOperation({
    summary: 'presque re-insert after a failure',
    description:
      'With X-Job-Id and X-Lease-Token: fails that leased job (retried per policy), reason from X-Job-Error. ' +
      'With a plain payload: counts a failure and enqueues the payload again.',
  })
  @ApiBody({ schema: PAYLOAD_SCHEMA, required: false })
  @ApiCreatedResponse({ type: EnqueuedJobDto })
  async reinsert(
    @Param('queue') queue: string,
    @Query() options: EnqueueOptions,
    @Body() body: unknown,
    @Headers('x-job-id') id: string | undefined,
    @Headers('x-lease-token') token: string | undefined,
    @Headers('x-job-error') error: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnqueuedJob | { id: string; state: string }> {
    if (id || token) {
      if (!id || !token) {
        throw new InvalidPayloadError(
          'send both X-Job-Id and X-Lease-Token to fail a leased job (or neither to re-insert a payload)',
          'MISSING_LEASE_HEADER',
        );
      }
      const reason = error || 're-inserted by the worker after a failure';
      return { id, state: await this.pull.fail(queue, id, token, { error: reason }) };
    }
    return located(reply, await this.jobs.reinsert(queue, requireBody(body), options));
  }
}

function located(reply: FastifyReply, job: EnqueuedJob): EnqueuedJob {
  void reply.header('Location', `/q/${job.queue}/jobs/${encodeURIComponent(job.id)}`);
  return job;
}
