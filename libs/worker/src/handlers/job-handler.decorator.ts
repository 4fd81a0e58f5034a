import { applyDecorators, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { assertValidName } from '@jobq/queue-core';

/** Which jobs a handler takes: its queue and job name. */
export interface JobHandlerOptions {
  queue: string;
  name: string;
}

/** The discoverable marker behind {@link JobHandler}; the registry looks providers up by it. */
export const JOB_HANDLER = DiscoveryService.createDecorator<JobHandlerOptions>();

/**
 * Marks a class as the handler of jobs named `name` on `queue` (and as a Nest provider). List the
 * class in a module's `providers`; the worker finds it at boot and refuses to start if another
 * handler claims the same queue and name.
 * @throws InvalidNameError when `queue` or `name` is not a valid name.
 */
export function JobHandler(options: JobHandlerOptions): ClassDecorator {
  assertValidName(options.queue, 'queue');
  assertValidName(options.name, 'job');
  return applyDecorators(Injectable(), JOB_HANDLER({ queue: options.queue, name: options.name }));
}
