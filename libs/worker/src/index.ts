/**
 * The public surface of `@jobq/worker`: the worker runtime any worker app imports. An app is a
 * `main.ts` calling {@link runWorkerApp} with the modules of its `@JobHandler` providers.
 */

// Writing handlers
export { JobHandler } from './handlers/job-handler.decorator';
export type { DeclaredSchedule, JobHandlerOptions } from './handlers/job-handler.decorator';
export type { Handler, HandlerContext } from './handlers/handler';
export { JobTimeoutError } from './processing/job-timeout.error';

// Running a worker app
export { runWorkerApp } from './run-worker-app';
export type { WorkerAppOptions } from './run-worker-app';
export { JobqWorkerModule } from './jobq-worker.module';
export type { JobqWorkerOptions } from './jobq-worker.module';
export { QueueWorkers } from './processing/queue-workers.service';
