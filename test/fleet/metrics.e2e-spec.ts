import { MetricsTime, Worker } from 'bullmq';
import { FleetStore, QueueRegistry } from '@jobq/queue-core';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testRedis } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';

describe('GET /metrics', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('exposes queue, worker and API series in Prometheus text format', async () => {
    const queue = freshName();
    const registry = api.app.get(QueueRegistry);
    await registry.register(queue);
    await registry
      .queue(queue)
      .addBulk([1, 2, 3, 4].map((n) => ({ name: 'default', data: { n } })));
    const worker = new Worker(
      queue,
      async (job) => {
        if (job.data.n === 4) throw new Error('four fails');
      },
      {
        connection: testRedis({ maxRetriesPerRequest: null }),
        prefix: api.config.QUEUE_PREFIX,
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      },
    );
    await waitUntil(
      async () => (await registry.queue(queue).getJobCountByTypes('completed', 'failed')) === 4,
      '4 finished jobs',
    );
    await worker.close();
    const workerId = `metrics-${queue}`;
    await api.app.get(FleetStore).beat(
      {
        worker_id: workerId,
        kind: 'process',
        host: 'h',
        pid: 1,
        queues: [queue],
        concurrency: 4,
        started_at: Date.now(),
        processed: 5,
        failed: 2,
        active: 1,
        current_jobs: ['9'],
        busy_ms: 100,
        utilization: 0.25,
        idle_since: null,
        rss_bytes: 1000,
        heap_bytes: 500,
        version: 'test',
        heartbeat_ms: 5000,
      },
      new Map([[queue, { processed: 5, failed: 2, wait: [], run: [] }]]),
      [queue],
    );
    await fetch(`${api.url}/health`);

    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const families = new Map(parsePrometheusTextFormat(await res.text()).map((f) => [f.name, f]));
    const sample = (name: string, labels: Record<string, string>) =>
      families
        .get(name)
        ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

    expect(families.get('jobq_queue_jobs')?.type).toBe('GAUGE');
    expect(sample('jobq_queue_jobs', { queue, state: 'completed' })?.value).toBe('3');
    expect(sample('jobq_queue_jobs', { queue, state: 'waiting' })?.value).toBe('0');
    expect(sample('jobq_queue_jobs', { queue, state: 'failed' })?.value).toBe('1');
    expect(sample('jobq_queue_paused', { queue })?.value).toBe('0');
    expect(families.get('jobq_queue_processed_total')?.type).toBe('COUNTER');
    expect(sample('jobq_queue_processed_total', { queue })?.value).toBe('3');
    expect(sample('jobq_queue_failed_total', { queue })?.value).toBe('1');
    expect(sample('jobq_queue_workers', { queue })?.value).toBe('1');
    expect(sample('jobq_worker_up', { worker: workerId })?.value).toBe('1');
    expect(sample('jobq_worker_utilization', { worker: workerId })?.value).toBe('0.25');
    expect(sample('jobq_worker_processed_total', { worker: workerId })?.value).toBe('5');
    expect(families.get('jobq_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const observed = families
      .get('jobq_http_request_duration_seconds')!
      .metrics.reduce((n, m) => n + Number(m.buckets?.['+Inf'] ?? 0), 0);
    expect(observed).toBeGreaterThanOrEqual(1);
    expect(families.has('jobq_api_process_resident_memory_bytes')).toBe(true);
  });
});
