import { applyDecorators, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { assertValidName, validateSchedule, type ScheduleSpec } from '@jobq/queue-core';

/**
 * A schedule declared with its handler: a cron expression (`cron`, `tz`) or an interval
 * (`every_ms`), and what the jobs carry; the job name is the handler's.
 */
export type DeclaredSchedule = Omit<ScheduleSpec, 'name'> & {
  /** The schedule's id on its queue. @defaultValue the handler's job name */
  id?: string;
};

/** Which jobs a handler takes: its queue and job name, and optionally a schedule producing them. */
export interface JobHandlerOptions {
  queue: string;
  name: string;
  /** Every worker app hosting the handler upserts this schedule at boot (one schedule, one job per tick however many run). */
  schedule?: DeclaredSchedule;
}

/** The discoverable marker behind {@link JobHandler}; the registry looks providers up by it. */
export const JOB_HANDLER = DiscoveryService.createDecorator<JobHandlerOptions>();

/**
 * Marks a class as the handler of jobs named `name` on `queue` (and as a Nest provider). List the
 * class in a module's `providers`; the worker finds it at boot and refuses to start if another
 * handler claims the same queue and name. With `schedule`, the worker also upserts that schedule.
 * @throws InvalidNameError when `queue` or `name` is not a valid name; InvalidScheduleError when
 * `schedule` is not a valid one.
 */
export function JobHandler(options: JobHandlerOptions): ClassDecorator {
  assertValidName(options.queue, 'queue');
  assertValidName(options.name, 'job');
  const { schedule } = options;
  if (schedule) {
    const { id, ...spec } = schedule;
    assertValidName(id ?? options.name, 'schedule');
    validateSchedule(spec);
  }
  return applyDecorators(Injectable(), JOB_HANDLER({ ...options }));
}
