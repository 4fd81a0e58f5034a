import { Injectable } from '@nestjs/common';
import {
  assertValidName,
  FleetStore,
  QueueTotalsService,
  WorkerNotFoundError,
  WorkerRecord,
} from '@jobq/queue-core';

/** presque's `/w` answers, built from the fleet records and the queue totals. */
@Injectable()
export class WorkersService {
  constructor(
    private readonly fleet: FleetStore,
    private readonly totals: QueueTotalsService,
  ) {}

  register(queue: string, workerId: string, host: string): Promise<WorkerRecord> {
    assertValidName(queue);
    return this.fleet.registerHttp(queue, workerId, host);
  }

  async unregister(queue: string, workerId: string): Promise<void> {
    assertValidName(queue);
    if (!(await this.fleet.retire(workerId))) throw new WorkerNotFoundError(workerId);
  }

  async one(workerId: string): Promise<WorkerRecord> {
    const record = await this.fleet.get(workerId);
    if (!record) throw new WorkerNotFoundError(workerId);
    return record;
  }

  async all(): Promise<{
    workers: WorkerRecord[];
    totals: Awaited<ReturnType<FleetStore['totals']>>;
  }> {
    const [workers, totals] = await Promise.all([this.fleet.list(), this.fleet.totals()]);
    return { workers, totals };
  }

  /** `{queue_name, workers_list, processed, failed}` plus the queue's fleet statistics. */
  async byQueue(queue: string) {
    assertValidName(queue);
    const workers = await this.fleet.list();
    const [stats, totals] = await Promise.all([
      this.fleet.queueStats(queue, workers),
      this.totals.of(queue),
    ]);
    const serving = workers.filter((w) => w.queues.includes(queue));
    return {
      queue_name: queue,
      workers_list: serving.map((w) => w.worker_id),
      ...totals,
      ...stats,
      workers: serving,
    };
  }
}
