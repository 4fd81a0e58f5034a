import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { JobWaiter } from './job-waiter';
import { RpcService } from './rpc.service';

/**
 * Spread::Queue's RPC: enqueue and wait, and wait for a job already enqueued. Needs
 * {@link QueueCoreModule} (global) in the app.
 */
@Module({ imports: [JobsModule], providers: [JobWaiter, RpcService], exports: [RpcService] })
export class RpcModule {}
