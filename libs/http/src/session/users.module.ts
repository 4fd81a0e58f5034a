import { Module } from '@nestjs/common';
import { JobqConfig, parseDashboardUsers } from '@jobq/queue-core';
import { UserDirectory } from './user-directory';

/** The dashboard's users, from `DASHBOARD_USERS` (a {@link UserDirectory}). Needs `QueueCoreModule` (global). */
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
export class UsersModule {}
