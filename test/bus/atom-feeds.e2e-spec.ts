import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import type { BusMessage } from '@jobq/queue-core';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { atomEntry, publishJson } from './bus-http';

const ATOM = { accept: 'application/atom+xml' };
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' });

type FeedDoc = { feed: { entry?: { id: string; title: unknown; updated: string }[] } };

/** Entry ids of an Atom feed, read with a plain XML parser. */
function entryIds(body: string): string[] {
  return ((xml.parse(body) as FeedDoc).feed.entry ?? []).map((e) => e.id);
}

describe('bus: AtomMQ feeds', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('pages like AtomMQ: start_at, start_after, If-None-Match, page_size', async () => {
    const topic = freshName('widgets');
    const posted: BusMessage[] = [];
    for (let i = 1; i <= 10; i++) posted.push(await publishJson(api.url, topic, { n: i }));
    expect(posted.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = posted.map((m) => m.id);
    expect(ids[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

    let res = await fetch(`${api.url}/feeds/${topic}?start_at=${ids[4]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(entryIds(await res.text())).toEqual(ids.slice(4));

    res = await fetch(`${api.url}/bus/${topic}?start_after=${ids[4]}`, { headers: ATOM });
    expect(entryIds(await res.text())).toEqual(ids.slice(5));

    res = await fetch(`${api.url}/bus/${topic}`, { headers: { 'if-none-match': ids[9] } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');

    res = await fetch(`${api.url}/bus/${topic}?page_size=7&format=atom`);
    const firstPage = await res.text();
    expect(entryIds(firstPage)).toEqual(ids.slice(0, 7));
    expect(res.headers.get('etag')).toBe(`"${ids[6]}"`);
    const next = /<link rel="next" href="([^"]+)"/.exec(firstPage)?.[1];
    expect(next).toContain(`start_after=${encodeURIComponent(ids[6])}`);
    res = await fetch(next!.replace(/&amp;/g, '&'));
    expect(entryIds(await res.text())).toEqual(ids.slice(7));

    res = await fetch(`${api.url}/bus/${topic}?start_after=${ids[6]}`);
    const page = (await res.json()) as { messages: BusMessage[]; links: { next: string } };
    expect(page.messages.map((m) => m.content)).toEqual([{ n: 8 }, { n: 9 }, { n: 10 }]);
    expect(page.links.next).toContain(`start_after=${encodeURIComponent(ids[9])}`);

    res = await fetch(`${api.url}/bus/${topic}?start_after=${ids[9]}`, {
      headers: { 'if-none-match': `"${ids[9]}"` },
    });
    expect(res.status).toBe(304);
  });

  it('answers 400 for unknown cursors, bad page sizes and malformed XML, 404 for unknown topics', async () => {
    const topic = freshName('errors');
    await publishJson(api.url, topic, { hello: 'world' });
    const cases: [string, RequestInit, number, RegExp][] = [
      [
        `/bus/${topic}?start_after=urn:uuid:00000000-0000-0000-0000-000000000000`,
        {},
        400,
        /start_after .* is not a message of topic/,
      ],
      [`/bus/${topic}?start_at=nope`, {}, 400, /start_at "nope" is not a message/],
      [`/bus/${topic}?start_at=a&start_after=b`, {}, 400, /not both/],
      [`/bus/${topic}?page_size=0`, {}, 400, /page_size must be an integer from 1 to 10000/],
      [`/bus/${topic}?page_size=10001`, {}, 400, /page_size must be an integer from 1 to 10000/],
      [`/bus/${topic}?page_size=abc`, {}, 400, /page_size must be an integer/],
      [`/bus/${topic}?wait=61`, {}, 400, /wait must be a whole number of seconds/],
      [`/bus/${topic}?format=rss`, {}, 400, /format must be json or atom/],
      [`/bus/${freshName('missing')}`, {}, 404, /does not exist/],
      [`/feeds/${freshName('missing')}`, {}, 404, /does not exist/],
      [`/bus/bad%20name`, {}, 400, /invalid topic name/],
      [`/feed=bad!name`, {}, 400, /invalid topic name/],
      [`/bus?format=xml`, {}, 400, /format must be json or atom/],
      [`/bus/${topic}/messages/urn:uuid:nope`, {}, 404, /has no message/],
      [`/bus/${freshName('missing')}`, { method: 'DELETE' }, 404, /does not exist/],
      [
        `/bus/${topic}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/atom+xml' },
          body: '<entry><title>x</entry>',
        },
        400,
        /malformed XML at line 1/,
      ],
      [
        `/feeds/${topic}`,
        { method: 'POST', body: '<feed xmlns="http://www.w3.org/2005/Atom"/>' },
        400,
        /must be an Atom <entry>, got <feed>/,
      ],
      [
        `/feeds/${topic}`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><entry>&e;</entry>',
        },
        400,
        /DOCTYPE declarations are not accepted/,
      ],
      [`/feeds/${topic}`, { method: 'POST' }, 400, /the body is empty/],
      [
        `/bus/${topic}`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' },
        415,
        /publish a JSON body .* or an Atom entry/,
      ],
      [
        `/bus/${topic}?title=${'t'.repeat(1025)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
        400,
        /title must be at most 1024 characters/,
      ],
      [
        `/bus/${topic}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ big: 'x'.repeat(1024 * 1024) }),
        },
        413,
        /at most 1048576 bytes/,
      ],
    ];
    for (const [path, init, status, message] of cases) {
      const res = await fetch(`${api.url}${path}`, init);
      const body = (await res.json()) as { error: string; code: string };
      expect({ path, status: res.status, error: body.error }).toEqual({
        path,
        status,
        error: expect.stringMatching(message),
      });
    }
  });

  it.each(['feeds/', 'feed='])(
    'takes form-encoded Atom entries on /%s:topic, as `curl -d` sends them',
    async (route) => {
      const topic = freshName('atommq');
      const res = await fetch(`${api.url}/${route}${topic}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: atomEntry('allo', 'an <b>important</b> message &amp; more'),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const location = res.headers.get('location')!;
      expect(location).toMatch(new RegExp(`^/bus/${topic}/messages/urn%3Auuid%3A`));
      const entry = await res.text();
      expect(entry).toContain('<title>allo</title>');

      const stored = (await (await fetch(`${api.url}${location}`)).json()) as BusMessage;
      expect(stored).toMatchObject({ seq: 1, title: 'allo', content_type: 'xhtml' });
      expect(stored.content).toBe(
        '<div xmlns="http://www.w3.org/1999/xhtml">an <b>important</b> message &amp; more</div>',
      );
      const feed = await (await fetch(`${api.url}/${route}${topic}`)).text();
      expect(feed).toContain(
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">an <b>important</b> message &amp; more</div></content>',
      );
    },
  );

  it('serves feeds a feed reader accepts, with the elements RFC 4287 requires', async () => {
    const topic = freshName('reader');
    await publishJson(api.url, topic, { order: 1, note: 'a < b & "c"' });
    await fetch(`${api.url}/bus/${topic}?title=plain%20text`, {
      method: 'POST',
      headers: { 'content-type': 'application/atom+xml' },
      body: `<entry xmlns="http://www.w3.org/2005/Atom"><title>Text &amp; more</title><content>caf&#233; &lt;ok&gt;</content></entry>`,
    });
    const body = await (await fetch(`${api.url}/feeds/${topic}`)).text();

    const feed = parseFeed(body);
    expect(feed.title).toBe(topic);
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0].content).toBe('{"order":1,"note":"a < b & \\"c\\""}');
    expect(feed.items[1].title).toBe('Text & more');
    expect(feed.items[1].content).toBe('café <ok>');

    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'entry' || n === 'link',
    }).parse(body) as {
      feed: Record<string, unknown> & {
        link: Record<string, string>[];
        entry: Record<string, unknown>[];
      };
    };
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated', 'author']) expect(doc.feed[field]).toBeTruthy();
    expect(doc.feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(
      `${api.url}/feeds/${topic}`,
    );
    for (const entry of doc.feed.entry) {
      for (const field of ['id', 'title', 'updated', 'content']) expect(entry[field]).toBeTruthy();
    }
  });

  it('lists topics as an AtomPub service document, or JSON', async () => {
    const topic = freshName('listed');
    const last = await publishJson(api.url, topic, [1, 2, 3]);
    let res = await fetch(`${api.url}/bus`);
    expect(res.headers.get('content-type')).toMatch(/^application\/atomsvc\+xml/);
    const service = await res.text();
    expect(service).toContain('<service xmlns="http://www.w3.org/2007/app"');
    expect(service).toContain(
      `<collection href="${api.url}/bus/${topic}"><atom:title>${topic}</atom:title>`,
    );

    res = await fetch(`${api.url}/bus`, { headers: { accept: 'application/json' } });
    const { topics } = (await res.json()) as { topics: { name: string }[] };
    expect(topics.find((t) => t.name === topic)).toEqual({
      name: topic,
      messages: 1,
      last_id: last.id,
      last_published_at: last.published_at,
      clients: 0,
      settings: { max_len: null, max_age_s: null, backlog: 30 },
    });
  });

  it('keeps retention settings, trims by max_len, and deletes topics', async () => {
    const topic = freshName('retained');
    for (let i = 1; i <= 5; i++) await publishJson(api.url, topic, i);
    let res = await fetch(`${api.url}/bus/${topic}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max_len: 3, backlog: 2 }),
    });
    expect(await res.json()).toEqual({ max_len: 3, max_age_s: null, backlog: 2 });
    let page = (await (await fetch(`${api.url}/bus/${topic}`)).json()) as {
      messages: BusMessage[];
    };
    expect(page.messages.map((m) => m.content)).toEqual([3, 4, 5]);
    const trimmed = await publishJson(api.url, topic, 6);
    page = (await (await fetch(`${api.url}/bus/${topic}`)).json()) as { messages: BusMessage[] };
    expect(page.messages.map((m) => m.seq)).toEqual([4, 5, 6]);
    expect(trimmed.seq).toBe(6);

    res = await fetch(`${api.url}/bus/${topic}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max_len: 0, colour: 'red' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /max_len must be an integer from 1/,
    );

    const aged = freshName('aged');
    const old = await publishJson(api.url, aged, 'old');
    res = await fetch(`${api.url}/bus/${aged}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max_age_s: 1 }),
    });
    expect(res.status).toBe(200);
    await waitUntil(
      async () => {
        await publishJson(api.url, aged, 'new');
        const res = await fetch(`${api.url}/bus/${aged}?page_size=1`);
        return ((await res.json()) as { messages: BusMessage[] }).messages[0].id !== old.id;
      },
      'the old message to age out',
      { intervalMs: 250 },
    );
    res = await fetch(`${api.url}/bus/${aged}?start_after=${old.id}`);
    expect(res.status).toBe(400);

    res = await fetch(`${api.url}/bus/${topic}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect((await fetch(`${api.url}/bus/${topic}`)).status).toBe(404);
    expect((await fetch(`${api.url}/bus/${topic}/settings`)).status).toBe(404);
  });
});
