import { DynamicModule, Module, Type } from '@nestjs/common';
import type { JobqConfig } from '@jobq/queue-core';
import { ExamplesModule } from './examples/examples.module';

/** Modules whose providers include `@JobHandler` classes. Add yours here. */
export const HANDLER_MODULES: Type[] = [];

/**
 * The handlers this worker app hosts: {@link HANDLER_MODULES}, and the `demo` examples unless
 * `WORKER_EXAMPLES=false`.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: JobqConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...(config.WORKER_EXAMPLES ? [ExamplesModule] : []), ...HANDLER_MODULES],
    };
  }
}
