import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusService, JobqError, TopicSettings } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';
import { TopicSettingsDto } from './topic-settings.dto';
import { Requires } from '@jobq/http';

/** Per-topic retention and backlog. */
@ApiTags('bus')
@Controller('bus')
export class BusSettingsController {
  constructor(
    private readonly bus: BusService,
    private readonly audit: ApiAuditor,
  ) {}

  @Get(':topic/settings')
  @Requires('read')
  @ApiOperation({ summary: "A topic's settings: max_len, max_age_s (null = unbounded), backlog" })
  settings(@Param('topic') topic: string): Promise<TopicSettings> {
    return this.bus.settings(topic);
  }

  @Put(':topic/settings')
  @Requires('administer')
  @ApiOperation({
    summary: 'Change settings (null resets one); creates the topic; retention applies at once',
  })
  async update(
    @Param('topic') topic: string,
    @Body() patch: TopicSettingsDto,
    @Req() request: FastifyRequest,
  ): Promise<TopicSettings> {
    const before = await this.bus.settings(topic).catch(noTopicYet);
    const after = await this.bus.updateSettings(topic, patch);
    await this.audit.record(request, 'topic.settings', { topic, before, after });
    return after;
  }
}

/** A topic the settings call creates had none before. */
function noTopicYet(err: unknown): null {
  if (err instanceof JobqError && err.kind === 'not_found') return null;
  throw err;
}
