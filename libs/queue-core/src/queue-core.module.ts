import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { JobqConfig } from './config/jobq.config';
import { BroadcastService } from './redis/broadcast.service';
import { PolicyStore } from './queues/policy.store';
import { FleetStore } from './fleet/fleet.store';
import { QueueEventsRegistry } from './queues/queue-events.registry';
import { QueueRegistry } from './queues/queue.registry';
import { RedisKeys } from './names/redis-keys';
import { RedisCheck } from './redis/redis-check';
import { RedisConnections } from './redis/redis-connections';
import { RedisSubscriber } from './redis/redis-subscriber';
import { LOGGER, PROCESS_ROLE, ProcessRole } from './names/tokens';

/** What an app hands {@link QueueCoreModule.forRoot}. */
export interface QueueCoreOptions {
  role: ProcessRole;
  config: JobqConfig;
  logger: Logger;
}

const SERVICES = [
  RedisConnections,
  RedisCheck,
  RedisSubscriber,
  BroadcastService,
  QueueRegistry,
  PolicyStore,
  FleetStore,
  QueueEventsRegistry,
];

/**
 * The shared core, global in each app: config, logger, Redis connections, broadcast, queue
 * registry, policy store, fleet store and queue events. Import once in the app's root module with `forRoot`.
 */
@Global()
@Module({})
export class QueueCoreModule {
  static forRoot({ role, config, logger }: QueueCoreOptions): DynamicModule {
    return {
      module: QueueCoreModule,
      providers: [
        { provide: JobqConfig, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: PROCESS_ROLE, useValue: role },
        { provide: RedisKeys, useValue: new RedisKeys(config.QUEUE_PREFIX) },
        ...SERVICES,
      ],
      exports: [JobqConfig, LOGGER, PROCESS_ROLE, RedisKeys, ...SERVICES],
    };
  }
}
