import { Module } from '@nestjs/common';
import { PullService } from './pull.service';

/** HTTP pull workers: leases, acks and failures. Needs {@link QueueCoreModule} (global) in the app. */
@Module({ providers: [PullService], exports: [PullService] })
export class PullModule {}
