import { BusKeys, RedisConnections } from '@jobq/queue-core';
import { BusNotifier } from '../../libs/queue-core/src/bus/bus-notifier';
import { PollCursorStore } from '../../libs/queue-core/src/bus/poll-cursor.store';
import { serversOf } from '../../libs/queue-core/src/redis/redis-servers';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { poll, publishJson } from './bus-http';

/** The poll generation Redis holds for a client (0 before its first poll). */
async function pollGeneration(api: RunningHttpApp, topic: string, client: string): Promise<number> {
  const redis = api.app.get(RedisConnections).client;
  return Number(await redis.hget(api.app.get(BusKeys).client(topic, client), 'gen'));
}

/** How many clients have polled the topic (each is registered once its poll has read Redis). */
async function pollClients(api: RunningHttpApp, topic: string): Promise<number> {
  return api.app.get(RedisConnections).client.zcard(api.app.get(BusKeys).clients(topic));
}

describe('bus: Tatsumaki long-poll', () => {
  let a: RunningHttpApp;
  let b: RunningHttpApp;
  beforeAll(async () => {
    const config = testConfig();
    a = await startApi(config);
    b = await startApi(testConfig({ QUEUE_PREFIX: config.QUEUE_PREFIX }));
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('answers a waiting poll when a message is published', async () => {
    const topic = freshName('poll');
    const waiting = poll(a.url, topic, 'c1', 25);
    await waitUntil(async () => (await pollClients(a, topic)) === 1, 'the poll to wait');
    const message = await publishJson(a.url, topic, { hello: 'poller' });
    expect(await waiting).toEqual([message]);
    expect(await poll(a.url, topic, 'c1', 0)).toEqual([]);
  });

  it('gives a new client the backlog, then only what is new', async () => {
    const topic = freshName('backlog');
    const res = await fetch(`${a.url}/bus/${topic}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ backlog: 2 }),
    });
    expect(res.status).toBe(200);
    for (let i = 1; i <= 4; i++) await publishJson(a.url, topic, i);
    expect((await poll(a.url, topic, 'late', 0)).map((m) => m.content)).toEqual([3, 4]);
    await publishJson(a.url, topic, 5);
    expect((await poll(a.url, topic, 'late', 0)).map((m) => m.content)).toEqual([5]);
  });

  it('delivers one publish exactly once to each of 100 waiting clients', async () => {
    const topic = freshName('fanout');
    const clients = Array.from({ length: 100 }, (_, i) => `client-${i}`);
    const polls = clients.map((id) => poll(a.url, topic, id, 25));
    await waitUntil(async () => (await pollClients(a, topic)) === 100, 'all 100 polls to wait');
    const message = await publishJson(b.url, topic, { to: 'everyone' });
    const received = await Promise.all(polls);
    expect(received.every((batch) => batch.length === 1 && batch[0].id === message.id)).toBe(true);
    const again = await Promise.all(clients.map((id) => poll(b.url, topic, id, 0)));
    expect(again.every((batch) => batch.length === 0)).toBe(true);
  });

  it('serves takes made in the same tick together, each from its own cursor', async () => {
    const topic = freshName('together');
    const cursors = a.app.get(PollCursorStore);
    const first = await publishJson(a.url, topic, 1);
    expect(await poll(a.url, topic, 'seen-one', 0)).toEqual([first]);
    const second = await publishJson(a.url, topic, 2);
    const seenOne = await cursors.begin(topic, 'seen-one');
    const fresh = await cursors.begin(topic, 'fresh');
    const stale = await cursors.begin(topic, 'stale');
    await cursors.begin(topic, 'stale');
    const takes = await Promise.all([
      cursors.take(topic, 'seen-one', seenOne, 10),
      cursors.take(topic, 'fresh', fresh, 10),
      cursors.take(topic, 'fresh-too', 0, 10),
      cursors.take(topic, 'stale', stale, 10),
      cursors.take(topic, 'fresh', fresh, 10),
    ]);
    expect(takes).toEqual([[second], [first, second], null, null, []]);
  });

  it('listens on a topic only in the processes that have a waiter on it', async () => {
    const topic = freshName('listened');
    const quiet = freshName('quiet');
    const redis = a.app.get(RedisConnections).client;
    const keys = a.app.get(BusKeys);
    // Counted on every node: a cluster client subscribes on one node of its choice.
    const listeners = async (t: string) => {
      const counts = await Promise.all(
        serversOf(redis, 'all').map((server) => server.pubsub('NUMSUB', keys.notify(t))),
      );
      return counts.reduce((sum: number, c) => sum + (c as [string, number])[1], 0);
    };
    const waiting = poll(a.url, topic, 'only-on-a', 25);
    await waitUntil(async () => (await pollClients(a, topic)) === 1, 'the poll to wait');
    expect(await listeners(topic)).toBe(1);
    expect(await listeners(quiet)).toBe(0);
    await publishJson(b.url, quiet, 'to nobody');
    const message = await publishJson(b.url, topic, 'to a');
    expect(await waiting).toEqual([message]);
  });

  it('shares a client cursor between two api processes', async () => {
    const topic = freshName('shared');
    for (let i = 1; i <= 3; i++) await publishJson(a.url, topic, i);
    expect((await poll(a.url, topic, 'roamer', 0)).map((m) => m.content)).toEqual([1, 2, 3]);
    await publishJson(b.url, topic, 4);
    await publishJson(a.url, topic, 5);
    expect((await poll(b.url, topic, 'roamer', 0)).map((m) => m.content)).toEqual([4, 5]);

    const waiting = poll(b.url, topic, 'roamer', 25);
    await waitUntil(async () => (await pollGeneration(a, topic, 'roamer')) === 3, 'the poll on b');
    const sixth = await publishJson(a.url, topic, 6);
    expect(await waiting).toEqual([sixth]);
  });

  it('answers an older poll with [] when the same client polls again, across processes', async () => {
    const topic = freshName('superseded');
    expect(await poll(a.url, topic, 'twice', 0)).toEqual([]);
    const older = poll(a.url, topic, 'twice', 25);
    await waitUntil(async () => (await pollGeneration(a, topic, 'twice')) === 2, 'the first poll');
    const newer = poll(b.url, topic, 'twice', 25);
    expect(await older).toEqual([]);
    const message = await publishJson(a.url, topic, 'for the newer one');
    expect(await newer).toEqual([message]);
  });

  it('long-polls a feed read at the end of the topic with wait', async () => {
    const topic = freshName('wait');
    const first = await publishJson(a.url, topic, 1);
    const waiting = fetch(`${b.url}/bus/${topic}?start_after=${first.id}&wait=25`);
    await waitUntil(() => b.app.get(BusNotifier).waiting > 0, 'the read to wait');
    const second = await publishJson(a.url, topic, 2);
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([second]);
  });

  it('validates poll parameters', async () => {
    const topic = freshName('bad-poll');
    const cases: [string, RegExp][] = [
      [`/bus/${topic}/poll`, /client_id is required/],
      [`/bus/${topic}/poll?client_id=a%20b`, /client_id is required: 1-128 letters/],
      [
        `/bus/${topic}/poll?client_id=ok&timeout=121`,
        /timeout must be a whole number of seconds from 0 to 120/,
      ],
      [`/bus/${topic}/poll?client_id=ok&timeout=soon`, /timeout must be a whole number/],
      [`/bus/bad!topic/poll?client_id=ok`, /invalid topic name/],
      [`/bus/${topic}/poll?client_id=ok&colour=red`, /property colour should not exist/],
    ];
    for (const [path, message] of cases) {
      const res = await fetch(`${a.url}${path}`);
      expect({ path, status: res.status, body: await res.json() }).toEqual({
        path,
        status: 400,
        body: expect.objectContaining({ error: expect.stringMatching(message) }),
      });
    }
  });
});
