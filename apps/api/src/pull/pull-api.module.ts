import { Module } from '@nestjs/common';
import { JobsModule } from '@jobq/queue-core';
import { PullController } from './pull.controller';

/** HTTP pull workers. */
@Module({
  imports: [JobsModule],
  controllers: [PullController],
})
export class PullApiModule {}
