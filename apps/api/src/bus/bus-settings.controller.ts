import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusService, TopicSettings } from '@jobq/queue-core';
import { TopicSettingsDto } from './topic-settings.dto';

/** Per-topic retention and backlog. */
@ApiTags('bus')
@Controller('bus')
export class BusSettingsController {
  constructor(private readonly bus: BusService) {}

  @Get(':topic/settings')
  @ApiOperation({ summary: "A topic's settings: max_len, max_age_s (null = unbounded), backlog" })
  settings(@Param('topic') topic: string): Promise<TopicSettings> {
    return this.bus.settings(topic);
  }

  @Put(':topic/settings')
  @ApiOperation({
    summary: 'Change settings (null resets one); creates the topic; retention applies at once',
  })
  update(@Param('topic') topic: string, @Body() patch: TopicSettingsDto): Promise<TopicSettings> {
    return this.bus.updateSettings(topic, patch);
  }
}
