import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { EmbeddedRedis } from '../../scripts/lib/embedded-redis';
import { poll, publishJson } from '../bus/bus-http';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';

/** `CLIENT LIST` of a Redis as one record per connection. */
async function clients(admin: Redis): Promise<Record<string, string>[]> {
  const list = (await admin.client('LIST')) as string;
  return list
    .trim()
    .split('\n')
    .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2))));
}

describe('Redis connections of a process', () => {
  let redis: EmbeddedRedis;
  let admin: Redis;
  let api: RunningHttpApp;
  beforeAll(async () => {
    redis = await EmbeddedRedis.start({
      dataDir: mkdtempSync(join(tmpdir(), 'jobq-connections-')),
      appendOnly: false,
    });
    admin = new Redis(redis.url);
    api = await startApi(testConfig({ REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await api.close();
    admin.disconnect();
    await redis.stop();
  });

  it('broadcasts and bus wake-ups share one subscriber connection', async () => {
    const topic = freshName('topic');
    const waiting = poll(api.url, topic, 'c-1', 10);
    await waitUntil(async () => {
      const subscribed = (await clients(admin)).filter((c) => Number(c.sub) > 0);
      return subscribed.length === 1 && Number(subscribed[0].sub) === 2;
    }, 'the broadcast channel and the topic channel on one connection');
    await publishJson(api.url, topic, { n: 1 });
    expect((await waiting).map((m) => m.content)).toEqual([{ n: 1 }]);
    const subscribed = (await clients(admin)).filter((c) => Number(c.sub) > 0);
    expect(subscribed.map((c) => c.name)).toEqual(['jobq:api:subscriber']);
  });
});
