import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, UsersModule } from '@jobq/http';
import { JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { BoardModule } from './board/board.module';
import { PagesModule } from './pages/pages.module';

/** Root module of the dashboard. Its Fastify set-up is {@link prepareDashboard}. */
@Module({})
export class DashboardModule {
  static forRoot(config: JobqConfig, logger: Logger): DynamicModule {
    return {
      module: DashboardModule,
      imports: [
        QueueCoreModule.forRoot({ role: 'dashboard', config, logger }),
        HealthModule,
        UsersModule,
        BoardModule,
        PagesModule,
      ],
    };
  }
}
