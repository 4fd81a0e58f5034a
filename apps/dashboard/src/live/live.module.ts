import { Module } from '@nestjs/common';
import { QueuesModule } from '@jobq/queue-core';
import { LiveController } from './live.controller';
import { OverviewLiveService } from './overview-live.service';

/** Server push to open dashboard pages. */
@Module({
  imports: [QueuesModule],
  controllers: [LiveController],
  providers: [OverviewLiveService],
})
export class LiveModule {}
