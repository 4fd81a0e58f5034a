import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JsonBodyGuard, Requires } from '@jobq/http';
import {
  EnqueuedJob,
  scheduleSettings,
  ScheduleService,
  ScheduleSpec,
  ScheduleView,
} from '@jobq/queue-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiAuditor } from '../audit/api-auditor';

const VIEW_EXAMPLE = {
  queue: 'reports',
  id: 'nightly',
  cron: '0 3 * * *',
  tz: 'Europe/Paris',
  every_ms: null,
  description: 'At 03:00 (Europe/Paris)',
  name: 'report',
  data: {},
  opts: {},
  start_at: null,
  end_at: null,
  limit: null,
  paused: false,
  next_run_at: '2027-01-02T02:00:00.000Z',
  produced: 12,
  last_job: { id: 'repeat:nightly:1798938000000', state: 'completed' },
  declared_in_code: null,
  created_at: '2026-12-20T10:00:00.000Z',
  updated_at: '2026-12-20T10:00:00.000Z',
};

/** Periodic jobs: cron or every N ms, on BullMQ's job schedulers (one job per tick however many processes run). */
@ApiTags('schedules')
@Controller('schedules')
export class SchedulesController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly audit: ApiAuditor,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({ summary: 'Every schedule of every queue, with its next run and last job' })
  @ApiOkResponse({ schema: { example: { schedules: [VIEW_EXAMPLE] } } })
  async all(): Promise<{ schedules: ScheduleView[] }> {
    return { schedules: await this.schedules.list() };
  }

  @Get(':queue')
  @Requires('read')
  @ApiOperation({ summary: "A queue's schedules" })
  @ApiOkResponse({ schema: { example: { schedules: [VIEW_EXAMPLE] } } })
  async ofQueue(@Param('queue') queue: string): Promise<{ schedules: ScheduleView[] }> {
    return { schedules: await this.schedules.list(queue) };
  }

  @Get(':queue/:id')
  @Requires('read')
  @ApiOperation({ summary: 'One schedule' })
  @ApiOkResponse({ schema: { example: VIEW_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'no such schedule' })
  one(@Param('queue') queue: string, @Param('id') id: string): Promise<ScheduleView> {
    return this.schedules.get(queue, id);
  }

  @Put(':queue/:id')
  @Requires('administer')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      'Create or replace a schedule: {"cron", "tz"?} or {"every_ms"}, and the job it produces',
    description:
      'Idempotent: the same body again changes nothing (200). A schedule on a stopped queue keeps its next job waiting.',
  })
  @ApiBody({ type: ScheduleSpec })
  @ApiCreatedResponse({ schema: { example: VIEW_EXAMPLE }, description: 'a new schedule' })
  @ApiOkResponse({
    schema: { example: VIEW_EXAMPLE },
    description: 'an existing one, changed or not',
  })
  @ApiBadRequestResponse({
    description:
      'a bad cron expression or time zone, every_ms < 1000, both or neither of cron and every_ms, …',
  })
  async upsert(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScheduleView> {
    const before = await this.schedules.get(queue, id).catch(() => null);
    const { schedule, created, changed } = await this.schedules.upsert(queue, id, body);
    if (changed) {
      await this.audit.record(request, 'schedule.upsert', {
        queue,
        id,
        before: before && scheduleSettings(before),
        after: scheduleSettings(schedule),
      });
    }
    void reply.status(created ? 201 : 200);
    return schedule;
  }

  @Delete(':queue/:id')
  @Requires('administer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule: no more jobs (those already produced stay)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such schedule' })
  async remove(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const before = await this.schedules.get(queue, id);
    await this.schedules.remove(queue, id);
    await this.audit.record(request, 'schedule.delete', {
      queue,
      id,
      before: scheduleSettings(before),
    });
  }

  @Post(':queue/:id/pause')
  @Requires('administer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a schedule: no jobs until it is resumed; it is kept' })
  @ApiOkResponse({ schema: { example: { ...VIEW_EXAMPLE, paused: true, next_run_at: null } } })
  async pause(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ScheduleView> {
    const schedule = await this.schedules.pause(queue, id);
    await this.audit.record(request, 'schedule.pause', { queue, id });
    return schedule;
  }

  @Post(':queue/:id/resume')
  @Requires('administer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused schedule from its next tick' })
  @ApiOkResponse({ schema: { example: VIEW_EXAMPLE } })
  async resume(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ScheduleView> {
    const schedule = await this.schedules.resume(queue, id);
    await this.audit.record(request, 'schedule.resume', { queue, id });
    return schedule;
  }

  @Post(':queue/:id/run')
  @Requires('operate')
  @ApiOperation({ summary: 'Enqueue one job of the schedule now, outside its ticks' })
  @ApiCreatedResponse({
    schema: { example: { id: '42', queue: 'reports', name: 'report', state: 'waiting' } },
  })
  async run(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<EnqueuedJob> {
    const job = await this.schedules.runNow(queue, id);
    await this.audit.record(request, 'schedule.run', { queue, id, details: { job: job.id } });
    return job;
  }
}
