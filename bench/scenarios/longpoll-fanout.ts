import { Agent, request } from 'node:http';
import { BusKeys, RedisKeys } from '@jobq/queue-core';
import { waitUntil } from '../../scripts/lib/wait-until';
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
 * the API up and are not counted.
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
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });
    const redis = ctx.redis();
    try {
      const api = await ctx.startApi(prefix);
      const pollUrl = (id: string, timeout: number) =>
        `${api}/bus/${TOPIC}/poll?client_id=${id}&timeout=${timeout}`;

      await publish(agent, `${api}/bus/${TOPIC}`, { warm: true });
      const backlogs = await Promise.all(ids.map((id) => getJson(agent, pollUrl(id, 0))));
      if (backlogs.some((b) => b.length === 0)) throw new Error('a new client got no backlog');

      const keys = new BusKeys(new RedisKeys(prefix));
      const delays: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const delivered = Promise.all(
          ids.map((id) =>
            getJson(agent, pollUrl(id, POLL_TIMEOUT_S)).then((messages) => ({
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
        await publish(agent, `${api}/bus/${TOPIC}`, marker);
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
      agent.destroy();
      redis.disconnect();
      await ctx.cleanup();
    }
  },
};

async function publish(agent: Agent, url: string, content: unknown): Promise<void> {
  const { status, body } = await send(agent, url, 'POST', JSON.stringify(content));
  if (status !== 201) throw new Error(`POST ${url} answered ${status}: ${body}`);
}

async function getJson(agent: Agent, url: string): Promise<Message[]> {
  const { status, body } = await send(agent, url, 'GET');
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${body}`);
  return JSON.parse(body) as Message[];
}

function send(
  agent: Agent,
  url: string,
  method: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
