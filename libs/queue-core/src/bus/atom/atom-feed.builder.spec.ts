import { parseFeed } from '@rowanmanning/feed-parser';
import { RedisKeys } from '../../names/redis-keys';
import { AtomEntryParser } from './atom-entry.parser';
import { AtomFeedBuilder } from './atom-feed.builder';
import { BusMessage } from '../bus-message';

const builder = new AtomFeedBuilder(new RedisKeys('{app}'));
const message = (seq: number, over: Partial<BusMessage>): BusMessage => ({
  id: `urn:uuid:00000000-0000-0000-0000-00000000000${seq}`,
  seq,
  published_at: `2025-01-0${seq}T00:00:00.000Z`,
  content_type: 'application/json',
  content: { seq },
  ...over,
});

describe('AtomFeedBuilder', () => {
  const messages = [
    message(1, { title: 'a <b> & "c"' }),
    message(2, { content_type: 'application/xml', content: '<order id="7">x &amp; y</order>' }),
    message(3, { content_type: 'text', content: 'bell \u0007 and \uFFFF' }),
  ];
  const xml = builder.feed('orders', messages, {
    self: 'http://h/feeds/orders',
    next: 'http://h/feeds/orders?start_after=x&page_size=2',
  });

  it('writes a feed that a feed reader reads back', () => {
    const feed = parseFeed(xml);
    expect(feed.title).toBe('orders');
    expect(feed.self).toBe('http://h/feeds/orders');
    expect(feed.authors.map((a) => a.name)).toEqual(['jobq']);
    expect(feed.updated?.toISOString()).toBe('2025-01-03T00:00:00.000Z');
    expect(feed.items.map((i) => i.id)).toEqual(messages.map((m) => m.id));
    expect(feed.items.map((i) => i.title)).toEqual(['a <b> & "c"', messages[1].id, messages[2].id]);
    expect(feed.items[0].content).toBe('{"seq":1}');
    expect(feed.items[2].content).toBe('bell \uFFFD and \uFFFD');
  });

  it('keeps XML content inline, and escapes links', () => {
    expect(xml).toContain('<id>tag:jobq,2025:bus/%7Bapp%7D/orders</id>');
    expect(xml).toContain(
      '<content type="application/xml"><order id="7">x &amp; y</order></content>',
    );
    expect(xml).toContain(
      '<link rel="next" href="http://h/feeds/orders?start_after=x&amp;page_size=2"/>',
    );
  });

  it('round-trips an entry through the parser', () => {
    const entry = builder.entry(messages[1], 'http://h/bus/orders/messages/2');
    expect(new AtomEntryParser().parse(entry)).toEqual({
      title: messages[1].id,
      content_type: 'application/xml',
      body: '<order id="7">x &amp; y</order>',
    });
  });
});
