import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { JobService } from './job.service';

/**
 * Producing and inspecting jobs for an HTTP app: enqueue (one, a batch, a presque re-insert),
 * look-up, retry, remove. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({ imports: [QueuesModule], providers: [JobService], exports: [JobService] })
export class JobsModule {}
