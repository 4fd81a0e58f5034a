import { WorkerActivity } from '@jobq/queue-core';
import type { PolicyListener, PolicyStore, QueuePolicy } from '@jobq/queue-core';
import type { Job } from 'bullmq';
import type { HandlerContext } from '../handlers/handler';
import type { HandlerRegistry } from '../handlers/handler.registry';
import type { HeartbeatService } from '../heartbeat/heartbeat.service';
import { JobRunner } from './job.runner';
import { JobTimeoutError } from './job-timeout.error';

const job = { id: '1', name: 'work', data: {}, timestamp: Date.now() } as Job;

/** A runner over one handler and a policy store holding `timeout_ms`; `change` plays a policy update. */
async function runnerFor(
  handle: (job: Job, ctx: HandlerContext) => Promise<unknown>,
  timeout_ms: number | null,
) {
  const listeners: PolicyListener[] = [];
  const handlers = { resolve: () => ({ handle }) } as unknown as HandlerRegistry;
  const policies = {
    get: async () => ({ timeout_ms }) as QueuePolicy,
    onChange: (listener: PolicyListener) => listeners.push(listener),
  } as unknown as PolicyStore;
  const heartbeat = { activity: new WorkerActivity(1) } as HeartbeatService;
  const runner = new JobRunner(handlers, policies, heartbeat);
  runner.onModuleInit();
  await runner.prepare('q');
  const change = (timeout: number | null) =>
    listeners.forEach((l) => l('q', { timeout_ms: timeout } as QueuePolicy));
  return { runner, change, activity: heartbeat.activity };
}

/** A handler that runs until its signal fires, and remembers that signal. */
function untilAborted(seen: AbortSignal[]) {
  return (_job: Job, ctx: HandlerContext) =>
    new Promise((_resolve, reject) => {
      seen.push(ctx.signal);
      ctx.signal.addEventListener('abort', () => reject(new Error('stopped by signal')));
    });
}

describe('JobRunner', () => {
  it('returns the handler result when there is no timeout', async () => {
    const { runner, activity } = await runnerFor(async () => 42, null);
    await expect(runner.run('q', job)).resolves.toBe(42);
    expect(runner.active).toBe(0);
    expect(activity.snapshot()).toMatchObject({ processed: 1, failed: 0, active: 0 });
  });

  it('fails a job past timeout_ms and fires its abort signal with the timeout error', async () => {
    const seen: AbortSignal[] = [];
    const { runner, activity } = await runnerFor(untilAborted(seen), 30);
    await expect(runner.run('q', job)).rejects.toThrow(new JobTimeoutError(30));
    expect(activity.snapshot()).toMatchObject({ processed: 0, failed: 1 });
    expect(seen[0].aborted).toBe(true);
    expect(seen[0].reason).toBeInstanceOf(JobTimeoutError);
    expect((seen[0].reason as Error).message).toBe('job timed out after 30 ms');
    expect(runner.active).toBe(0);
  });

  it('applies a timeout_ms change to the next job', async () => {
    const seen: AbortSignal[] = [];
    const { runner, change } = await runnerFor(untilAborted(seen), null);
    change(20);
    await expect(runner.run('q', job)).rejects.toThrow('job timed out after 20 ms');
  });
});
