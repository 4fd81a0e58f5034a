import { Injectable, OnModuleInit } from '@nestjs/common';
import { PolicyStore } from '@jobq/queue-core';
import type { Job, Processor } from 'bullmq';
import type { Handler } from '../handlers/handler';
import { HandlerRegistry } from '../handlers/handler.registry';
import { HeartbeatService } from '../heartbeat/heartbeat.service';
import { JobContext } from './job-context';
import { JobTimeoutError } from './job-timeout.error';

/**
 * Runs one job: finds its handler, gives it a {@link JobContext} and enforces the queue's
 * `timeout_ms` (policy; kept per served queue and updated on every policy change, so a change
 * applies to the next job). Everything else — retries, backoff, delays, priorities — is BullMQ's.
 */
@Injectable()
export class JobRunner implements OnModuleInit {
  private running = 0;
  private readonly timeouts = new Map<string, number | null>();

  constructor(
    private readonly handlers: HandlerRegistry,
    private readonly policies: PolicyStore,
    private readonly heartbeat: HeartbeatService,
  ) {}

  onModuleInit(): void {
    this.policies.onChange((queue, policy) => {
      if (this.timeouts.has(queue)) this.timeouts.set(queue, policy.timeout_ms);
    });
  }

  /** Jobs running in this process now. */
  get active(): number {
    return this.running;
  }

  /** Loads `queue`'s policy; call before its jobs run. */
  async prepare(queue: string): Promise<void> {
    this.timeouts.set(queue, (await this.policies.get(queue)).timeout_ms);
  }

  /** The BullMQ processor of `queue`. */
  processor(queue: string): Processor {
    return (job: Job) => this.run(queue, job);
  }

  /**
   * Runs `job` of `queue` with its handler.
   * @throws NoHandlerError (unrecoverable) when no handler takes the job's name.
   * @throws JobTimeoutError when the job runs past the queue's `timeout_ms`.
   */
  async run(queue: string, job: Job): Promise<unknown> {
    const handler = this.handlers.resolve(queue, job.name);
    const timeoutMs = this.timeouts.get(queue) ?? null;
    const ctx = new JobContext(queue, job);
    const id = String(job.id);
    this.running++;
    this.heartbeat.activity.started(queue, id, job.timestamp + (job.delay ?? 0));
    let ok = false;
    try {
      const result =
        timeoutMs === null
          ? await handler.handle(job, ctx)
          : await runWithTimeout(handler, job, ctx, timeoutMs);
      ok = true;
      return result;
    } finally {
      this.running--;
      this.heartbeat.activity.finished(queue, id, ok);
    }
  }
}

async function runWithTimeout(
  handler: Handler,
  job: Job,
  ctx: JobContext,
  timeoutMs: number,
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const err = new JobTimeoutError(timeoutMs);
      ctx.abort(err);
      reject(err);
    }, timeoutMs);
  });
  const handled = (async () => handler.handle(job, ctx))();
  try {
    return await Promise.race([handled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
