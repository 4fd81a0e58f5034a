import { setTimeout as sleep } from 'node:timers/promises';

/** Requests per second of each kind of traffic the soak sends. */
export interface TrafficRates {
  enqueue: number;
  rpc: number;
  /** Jobs per second batch-enqueued for HTTP pull (no faster than the pullers acknowledge them). */
  pull: number;
  publish: number;
}

/** What the traffic did: answers by kind, the unexpected ones, and what went missing. */
export interface TrafficTally {
  sent: Record<string, number>;
  /** Answers other than the expected status (or no answer), by kind. */
  errors: Record<string, number>;
  /** Enqueues answered 201 on the worker queue, and RPC jobs created (answered 200 or 504). */
  demoJobs: number;
  pullEnqueued: number;
  pullCompleted: number;
  /** Messages a poll client never saw (a gap in `seq` between two of its polls). */
  busGaps: number;
  /** Ticks where a kind was over a second behind its rate (the machine could not keep up). */
  behind: number;
}

export const DEMO_QUEUE = 'demo';
export const PULL_QUEUE = 'soak-pull';
export const TOPIC = 'soak-bus';
const POLL_CLIENTS = 10;
const PULL_BATCH = 10;
/** Pull jobs enqueued ahead of the pullers at most: HTTP pull goes as fast as they acknowledge. */
const PULL_BACKLOG = 2000;
const PULLERS = 8;
const MAX_IN_FLIGHT = 256;

/**
 * The soak's mixed load against one API (and the dashboard's overview): enqueues onto the demo
 * worker's `echo`, RPC calls, HTTP pull (batch enqueue, lease, ack), bus publishes and poll
 * clients, each paced at its rate until {@link stop}; then {@link drain} finishes the pull queue.
 */
export class Traffic {
  readonly tally: TrafficTally = {
    sent: {},
    errors: {},
    demoJobs: 0,
    pullEnqueued: 0,
    pullCompleted: 0,
    busGaps: 0,
    behind: 0,
  };
  private stopped = false;
  private readonly running: Promise<void>[] = [];

  constructor(
    private readonly api: string,
    private readonly dashboard: string,
  ) {}

  start(rates: TrafficRates): void {
    this.running.push(
      this.paced(rates.enqueue, () => this.enqueue()),
      this.paced(rates.rpc, () => this.rpc()),
      this.paced(rates.pull / PULL_BATCH, () => this.pullEnqueue()),
      this.paced(rates.publish, () => this.publish()),
      this.paced(1, () => this.call('overview', 'GET', `${this.dashboard}/`, undefined, 200)),
      ...Array.from({ length: PULLERS }, () => this.consume()),
      ...Array.from({ length: POLL_CLIENTS }, (_, i) => this.poll(`soak-${i}`)),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** Leases and acknowledges what is left on the pull queue. */
  async drain(): Promise<void> {
    while ((await this.consumeOnce()) > 0);
  }

  private async paced(perSecond: number, op: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    let issued = 0;
    while (!this.stopped) {
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
      if (due - issued > perSecond) {
        this.tally.behind += 1;
        issued = due - 1;
      }
      while (issued < due && inFlight.size < MAX_IN_FLIGHT) {
        issued += 1;
        const request: Promise<unknown> = op().finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      await sleep(10);
    }
    await Promise.all(inFlight);
  }

  private async enqueue(): Promise<void> {
    const res = await this.call('enqueue', 'POST', `/q/${DEMO_QUEUE}?name=echo`, { n: 1 }, 201);
    if (res) this.tally.demoJobs += 1;
  }

  private async rpc(): Promise<void> {
    const n = Math.random();
    const res = await this.call('rpc', 'POST', `/rpc/${DEMO_QUEUE}/echo?timeout=10`, { n }, 200);
    if (res) this.tally.demoJobs += 1;
    if (res && (res.body as { result?: { n?: number } }).result?.n !== n) this.fault('rpc');
  }

  private async pullEnqueue(): Promise<void> {
    if (this.tally.pullEnqueued - this.tally.pullCompleted > PULL_BACKLOG) return;
    const jobs = Array.from({ length: PULL_BATCH }, (_, i) => ({ i }));
    const res = await this.call('pull-enqueue', 'POST', `/qb/${PULL_QUEUE}`, { jobs }, 201);
    if (res) this.tally.pullEnqueued += PULL_BATCH;
  }

  private async consume(): Promise<void> {
    while (!this.stopped) if ((await this.consumeOnce()) === 0) await sleep(100);
  }

  /** One lease of up to a batch, each acknowledged; how many it got. */
  private async consumeOnce(): Promise<number> {
    const path = `/qb/${PULL_QUEUE}?batch_size=${PULL_BATCH}&envelope=1&wait=1`;
    const res = await this.call('pull', 'GET', path, undefined, 200, 404);
    if (res?.status !== 200) return 0;
    const leased = res.body as { id: string; lease: { token: string } }[];
    for (const job of leased) {
      const ack = await this.call('ack', 'POST', `/q/${PULL_QUEUE}/jobs/${job.id}/complete`, {
        token: job.lease.token,
      });
      if (ack) this.tally.pullCompleted += 1;
    }
    return leased.length;
  }

  private async publish(): Promise<void> {
    await this.call('publish', 'POST', `/bus/${TOPIC}`, { at: Date.now() }, 201);
  }

  private async poll(client: string): Promise<void> {
    let last: number | undefined;
    while (!this.stopped) {
      const path = `/bus/${TOPIC}/poll?client_id=${client}&timeout=5`;
      const res = await this.call('poll', 'GET', path, undefined, 200);
      for (const { seq } of (res?.body as { seq: number }[] | undefined) ?? []) {
        if (last !== undefined && seq > last + 1) this.tally.busGaps += seq - last - 1;
        last = Math.max(last ?? seq, seq);
      }
      await sleep(1000);
    }
  }

  /** Sends one request; the parsed answer when its status is one of `ok`, else counts an error. */
  private async call(
    kind: string,
    method: string,
    path: string,
    body?: unknown,
    ...ok: number[]
  ): Promise<{ status: number; body: unknown } | undefined> {
    this.tally.sent[kind] = (this.tally.sent[kind] ?? 0) + 1;
    const url = path.startsWith('http') ? path : `${this.api}${path}`;
    try {
      const res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const expected = ok.length ? ok : [200];
      if (kind === 'rpc' && res.status === 504) this.tally.demoJobs += 1;
      if (!expected.includes(res.status)) return void this.fault(kind);
      return {
        status: res.status,
        body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      };
    } catch {
      return void this.fault(kind);
    }
  }

  private fault(kind: string): void {
    this.tally.errors[kind] = (this.tally.errors[kind] ?? 0) + 1;
  }
}
