import { Module } from '@nestjs/common';
import { JobqConfig } from '@jobq/queue-core';
import { parseDashboardUsers } from './dashboard-users';
import { UserDirectory } from './user-directory';

/** The dashboard's users, from `DASHBOARD_USERS`. Needs {@link QueueCoreModule} (global). */
@Module({
  providers: [
    {
      provide: UserDirectory,
      useFactory: (config: JobqConfig) =>
        new UserDirectory(parseDashboardUsers(config.DASHBOARD_USERS)),
      inject: [JobqConfig],
    },
  ],
  exports: [UserDirectory],
})
export class AuthModule {}
