import { Module } from '@nestjs/common';
import { EchoHandler } from './echo.handler';
import { FlakyHandler } from './flaky.handler';
import { ProgressHandler } from './progress.handler';
import { SleepHandler } from './sleep.handler';

/** The example handlers on queue `demo` (left out with `WORKER_EXAMPLES=false`). */
@Module({ providers: [EchoHandler, SleepHandler, FlakyHandler, ProgressHandler] })
export class ExamplesModule {}
