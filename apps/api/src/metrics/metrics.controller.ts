import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MetricsService } from './metrics.service';
import { Requires } from '@jobq/http';

/** `GET /metrics`: Prometheus text exposition. */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Requires('read')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics: queues, workers, API latency' })
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.metrics.scrape();
    await reply.header('content-type', this.metrics.registry.contentType).send(body);
  }
}
