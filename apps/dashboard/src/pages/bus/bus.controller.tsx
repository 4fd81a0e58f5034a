import { Controller, Get, Param, Res } from '@nestjs/common';
import { BusService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { BusPage, TopicPage } from './bus.view';

/** Messages a topic's page shows. */
const RECENT = 20;

/** The bus: every topic, and a topic's newest messages. */
@Controller()
@Requires('read')
export class BusController {
  constructor(private readonly bus: BusService) {}

  @Get(PATHS.bus)
  @HtmlPage()
  async topics(@CurrentViewer() viewer: Viewer): Promise<string> {
    return (<BusPage topics={await this.bus.list()} viewer={viewer} />) as string;
  }

  @Get(PATHS.topic)
  @HtmlPage()
  async topic(
    @Param('topic') topic: string,
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const [messages, topics] = await Promise.all([this.bus.recent(topic, RECENT), this.bus.list()]);
    const info = topics.find((t) => t.name === topic);
    if (!info) void reply.code(404);
    return (<TopicPage topic={topic} info={info} messages={messages} viewer={viewer} />) as string;
  }
}
