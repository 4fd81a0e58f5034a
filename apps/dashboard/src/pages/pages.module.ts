import { Module } from '@nestjs/common';
import { QueuesModule } from '@jobq/queue-core';
import { OverviewController } from './overview.controller';

/** The dashboard's server-rendered pages. */
@Module({ imports: [QueuesModule], controllers: [OverviewController] })
export class PagesModule {}
