import { Module } from '@nestjs/common';
import { BusCoreModule } from '@jobq/queue-core';
import { AuditApiModule } from '../audit/audit-api.module';
import { AtomBodySetup } from './atom-body.setup';
import { AtomMqController } from './atom-mq.controller';
import { BusPollController } from './bus-poll.controller';
import { BusSettingsController } from './bus-settings.controller';
import { BusController } from './bus.controller';
import { FeedPresenter } from './feed.presenter';

/** The message bus routes: `/bus` (JSON + Atom), AtomMQ's `/feeds` and `/feed=`, Tatsumaki poll and SSE. */
@Module({
  imports: [BusCoreModule, AuditApiModule],
  controllers: [BusController, BusPollController, BusSettingsController, AtomMqController],
  providers: [FeedPresenter, AtomBodySetup],
})
export class BusModule {}
