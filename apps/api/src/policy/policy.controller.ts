import { Body, Controller, Get, Param, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidPolicyError, PolicyPatch, PolicyStore, QueuePolicy } from '@jobq/queue-core';
import { JsonBodyGuard, Requires } from '@jobq/http';
import type { FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';

/** A queue's policy: read it, change it live. */
@ApiTags('queues')
@Controller('policy/:queue')
export class PolicyController {
  constructor(
    private readonly policies: PolicyStore,
    private readonly audit: ApiAuditor,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({ summary: "The queue's policy (the defaults if it has none)" })
  @ApiOkResponse({ type: QueuePolicy })
  get(@Param('queue') queue: string): Promise<QueuePolicy> {
    return this.policies.get(queue);
  }

  @Put()
  @Requires('administer')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Change policy fields; applied to every process within a second',
    description:
      'Any subset of the fields; nested objects merge field by field, null clears concurrency, rate_limit, timeout_ms.',
  })
  @ApiBody({ type: QueuePolicy })
  @ApiOkResponse({ type: QueuePolicy })
  @ApiBadRequestResponse({ description: 'a field is unknown, of the wrong type or out of range' })
  async update(
    @Param('queue') queue: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<QueuePolicy> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidPolicyError([
        { field: 'policy', problems: ['the body must be a JSON object of policy fields'] },
      ]);
    }
    const before = await this.policies.get(queue);
    const after = await this.policies.update(queue, body as PolicyPatch);
    await this.audit.record(request, 'policy.update', { queue, before, after });
    return after;
  }
}
