import { Module } from '@nestjs/common';
import { RedisKeys } from '../names/redis-keys';
import { AtomEntryParser } from './atom/atom-entry.parser';
import { AtomFeedBuilder } from './atom/atom-feed.builder';
import { BusKeys } from './bus-keys';
import { BusNotifier } from './bus-notifier';
import { BusPollService } from './bus-poll.service';
import { BusService } from './bus.service';
import { PollCursorStore } from './poll-cursor.store';
import { TopicStore } from './topic.store';

/**
 * The message bus for an HTTP app: topics on Redis Streams, Atom, Tatsumaki polling, and the
 * process's one bus subscription. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({
  providers: [
    { provide: BusKeys, useFactory: (keys: RedisKeys) => new BusKeys(keys), inject: [RedisKeys] },
    TopicStore,
    PollCursorStore,
    BusNotifier,
    AtomEntryParser,
    AtomFeedBuilder,
    BusService,
    BusPollService,
  ],
  exports: [BusKeys, BusNotifier, AtomFeedBuilder, BusService, BusPollService],
})
export class BusCoreModule {}
