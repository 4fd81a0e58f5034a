import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { WORKER_ID_PATTERN } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import { RegisterWorkerDto } from './register-worker.dto';
import { WorkersService } from './workers.service';
import { Requires } from '@jobq/http';

/** presque's worker registry `/w` (SPEC §4). */
@ApiTags('workers')
@Controller('w')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Post(':queue')
  @Requires('consume')
  @ApiOperation({
    summary: 'Register an HTTP worker on a queue (id in the body or X-presque-workerid)',
  })
  register(
    @Param('queue') queue: string,
    @Body() body: RegisterWorkerDto,
    @Headers('x-presque-workerid') header: string | undefined,
    @Req() req: FastifyRequest,
  ) {
    return this.workers.register(queue, workerId(body?.worker_id ?? header), req.ip);
  }

  @Delete(':queue')
  @Requires('consume')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unregister a worker: ?worker_id=' })
  unregister(
    @Param('queue') queue: string,
    @Query('worker_id') id: string | undefined,
  ): Promise<void> {
    return this.workers.unregister(queue, workerId(id));
  }

  @Get()
  @Requires('read')
  @ApiOperation({
    summary: 'All workers with totals; ?worker_id= one; ?queue_name= those of a queue',
  })
  list(@Query('worker_id') id?: string, @Query('queue_name') queue?: string) {
    if (id !== undefined) return this.workers.one(workerId(id));
    if (queue !== undefined) return this.workers.byQueue(queue);
    return this.workers.all();
  }
}

function workerId(id: string | undefined): string {
  if (!id)
    throw new BadRequestException(
      'worker id missing: send {"worker_id":"…"} or the X-presque-workerid header',
    );
  if (!WORKER_ID_PATTERN.test(id)) {
    throw new BadRequestException(
      `invalid worker id ${JSON.stringify(id)}: use 1-128 letters, digits or . _ : @ - (starting with a letter or digit)`,
    );
  }
  return id;
}
