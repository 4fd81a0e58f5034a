import type { BusMessage } from '@jobq/queue-core';
import { BusNotifier } from '../../libs/queue-core/src/bus/bus-notifier';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { publishJson } from './bus-http';
import { sseEvents, take } from '../helpers/sse-reader';

describe('bus: Server-Sent Events', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('streams one event per message and resumes after a drop with Last-Event-ID, missing nothing', async () => {
    const topic = freshName('sse');
    const first = new AbortController();
    let res = await fetch(`${api.url}/bus/${topic}/stream?client_id=tab-1`, {
      signal: first.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let events = sseEvents(res);

    const sent: BusMessage[] = [];
    for (let i = 1; i <= 3; i++) sent.push(await publishJson(api.url, topic, { n: i }));
    const received = await take(events, 3);
    expect(received.map((e) => e.id)).toEqual(sent.map((m) => m.id));
    expect(received.map((e) => JSON.parse(e.data!) as BusMessage)).toEqual(sent);
    first.abort();
    const notifier = api.app.get(BusNotifier);
    await waitUntil(() => notifier.waiting === 0, 'the server to let go of the dropped stream');

    for (let i = 4; i <= 5; i++) sent.push(await publishJson(api.url, topic, { n: i }));
    const second = new AbortController();
    res = await fetch(`${api.url}/bus/${topic}/stream?client_id=tab-1`, {
      headers: { 'last-event-id': received[2].id! },
      signal: second.signal,
    });
    events = sseEvents(res);
    const resumed = await take(events, 2);
    expect(resumed.map((e) => e.id)).toEqual([sent[3].id, sent[4].id]);

    const live = await publishJson(api.url, topic, { n: 6 });
    expect((await take(events, 1))[0].id).toBe(live.id);
    second.abort();
  });

  it('resumes from an earlier Last-Event-ID than the server cursor, and refuses unknown ids', async () => {
    const topic = freshName('sse-resume');
    const sent: BusMessage[] = [];
    for (let i = 1; i <= 3; i++) sent.push(await publishJson(api.url, topic, i));
    const stream = new AbortController();
    let res = await fetch(`${api.url}/bus/${topic}/stream?client_id=tab-2`, {
      headers: { 'last-event-id': sent[0].id },
      signal: stream.signal,
    });
    const events = sseEvents(res);
    expect((await take(events, 2)).map((e) => e.id)).toEqual([sent[1].id, sent[2].id]);
    stream.abort();

    res = await fetch(`${api.url}/bus/${topic}/stream?client_id=tab-2`, {
      headers: { 'last-event-id': 'urn:uuid:00000000-0000-0000-0000-000000000000' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /Last-Event-ID .* is not a message/,
    );

    res = await fetch(`${api.url}/bus/${topic}/stream`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/client_id is required/);
  });
});
