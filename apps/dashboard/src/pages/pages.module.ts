import { Module } from '@nestjs/common';
import { JobsModule } from '@jobq/queue-core';
import { OverviewController } from './overview.controller';

/** The dashboard's server-rendered pages. */
@Module({ imports: [JobsModule], controllers: [OverviewController] })
export class PagesModule {}
