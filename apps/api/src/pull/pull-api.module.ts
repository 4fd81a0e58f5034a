import { Module } from '@nestjs/common';
import { PullModule } from '@jobq/queue-core';
import { PullController } from './pull.controller';

/** HTTP pull workers. */
@Module({
  imports: [PullModule],
  controllers: [PullController],
})
export class PullApiModule {}
