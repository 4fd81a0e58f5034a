import { QueuesModule } from '@jobq/queue-core';
import { Module } from '@nestjs/common';
import { WorkersController } from './workers.controller';
import { WorkersService } from './workers.service';

/** `/w`: the worker registry. */
@Module({ imports: [QueuesModule], controllers: [WorkersController], providers: [WorkersService] })
export class WorkersModule {}
