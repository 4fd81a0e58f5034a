import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { JobListService } from './job-list.service';
import { JobService } from './job.service';

/**
 * Producing and inspecting jobs for an HTTP app: enqueue (one, a batch, a presque re-insert),
 * look-up, listing by state, retry, promote, remove. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({
  imports: [QueuesModule],
  providers: [JobService, JobListService],
  exports: [JobService, JobListService],
})
export class JobsModule {}
