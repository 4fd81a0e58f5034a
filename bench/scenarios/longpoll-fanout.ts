import { BusKeys, RedisKeys } from '@jobq/queue-core';
import { waitUntil } from '../../scripts/lib/wait-until';
import { KeepAliveClient } from '../lib/keep-alive-client';
import type { Scenario } from '../lib/scenario';
import { percentile } from '../lib/stats';

const TOPIC = 'fanout';
const POLL_TIMEOUT_S = 30;
/** After every poll has begun (seen in Redis), time for the API to register them all as waiting. */
const SETTLE_MS = 1000;

interface Message {
  content: unknown;
}

/**
 * Delay from publish to delivery to N long-polling clients (`GET /bus/:topic/poll`), all waiting on
 * one API process when ONE message is published: p99 over the clients and rounds, p50 kept as an
 * extra. The delay runs from sending `POST /bus/:topic` to each client having read its whole
 * answer. Each client keeps its own connection, as a real long-poller does; the first rounds warm
 * the API up and are not counted. The clients are {@link KeepAliveClient}s: with node:http's
 * client the bench process itself was saturated reading the thousand answers.
 */
export const longpollFanout: Scenario = {
  name: 'long-poll fan-out, 1,000 clients, publish -> delivery (p99)',
  unit: 'ms',
  goal: 'jobq p99 <= 100 ms',
  higherIsBetter: false,
  meets: (m) => m.jobq <= 100,
  async run(ctx) {
    const clients = ctx.size(1000, 200);
    const warmRounds = ctx.size(2, 1);
    const rounds = warmRounds + ctx.size(5, 2);
    const ids = Array.from({ length: clients }, (_, i) => `c${i}`);
    const prefix = ctx.prefix();
    const redis = ctx.redis();
    const connections: KeepAliveClient[] = [];
    try {
      const port = Number(new URL(await ctx.startApi(prefix)).port);
      const connect = () => {
        const client = new KeepAliveClient(port);
        connections.push(client);
        return client;
      };
      const publisher = connect();
      const pollers = ids.map((id) => ({ id, client: connect() }));
      const poll = ({ id, client }: (typeof pollers)[number], timeout: number) =>
        getJson(client, `/bus/${TOPIC}/poll?client_id=${id}&timeout=${timeout}`);

      await publish(publisher, { warm: true });
      const backlogs = await Promise.all(pollers.map((p) => poll(p, 0)));
      if (backlogs.some((b) => b.length === 0)) throw new Error('a new client got no backlog');

      const keys = new BusKeys(new RedisKeys(prefix));
      const delays: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const delivered = Promise.all(
          pollers.map((p) =>
            poll(p, POLL_TIMEOUT_S).then((messages) => ({
              messages,
              at: performance.now(),
            })),
          ),
        );
        delivered.catch(() => undefined);
        const gen = round + 2;
        await waitUntil(
          async () => {
            const gens = await redis
              .pipeline(ids.map((id) => ['hget', keys.client(TOPIC, id), 'gen']))
              .exec();
            return gens?.every(([err, g]) => !err && Number(g) >= gen);
          },
          `${clients} clients polling`,
          { timeoutMs: 20_000, intervalMs: 50 },
        );
        await new Promise((r) => setTimeout(r, SETTLE_MS));

        const marker = { round, sent_at: Date.now() };
        const publishedAt = performance.now();
        await publish(publisher, marker);
        for (const { messages, at } of await delivered) {
          if (
            messages.length !== 1 ||
            JSON.stringify(messages[0].content) !== JSON.stringify(marker)
          )
            throw new Error(`a client got ${JSON.stringify(messages)} instead of the message`);
          if (round >= warmRounds) delays.push(at - publishedAt);
        }
      }
      return {
        jobq: percentile(delays, 99),
        baseline: null,
        extra: { p50: percentile(delays, 50), max: Math.max(...delays) },
      };
    } finally {
      for (const client of connections) client.close();
      redis.disconnect();
      await ctx.cleanup();
    }
  },
};

async function publish(client: KeepAliveClient, content: unknown): Promise<void> {
  const { status, body } = await client.request('POST', `/bus/${TOPIC}`, JSON.stringify(content));
  if (status !== 201) throw new Error(`POST /bus/${TOPIC} answered ${status}: ${body}`);
}

async function getJson(client: KeepAliveClient, path: string): Promise<Message[]> {
  const { status, body } = await client.request('GET', path);
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${body}`);
  return JSON.parse(body) as Message[];
}
