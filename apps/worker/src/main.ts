import 'reflect-metadata';
import { runWorkerApp } from '@jobq/worker';
import { WorkerModule } from './worker.module';

runWorkerApp({ handlers: (config) => [WorkerModule.forRoot(config)] });
