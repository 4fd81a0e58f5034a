import { Injectable } from '@nestjs/common';
import { JobqError } from '../errors/jobq.error';
import { MalformedEntryError } from '../errors/malformed-entry.error';
import { MessageTooLargeError } from '../errors/message-too-large.error';
import { assertValidName } from '../names/queue-name';
import { AtomEntryParser, MAX_MESSAGE_BYTES, MAX_TITLE_LENGTH } from './atom/atom-entry.parser';
import {
  BusMessage,
  BusPage,
  JSON_CONTENT_TYPE,
  TopicInfo,
  TopicSettings,
  TopicSettingsPatch,
} from './bus-message';
import { BusNotifier } from './bus-notifier';
import { ReadCursor, TopicStore } from './topic.store';

/** Default and largest page of a topic read. */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 10_000;

/** What to read from a topic. */
export interface ReadOptions {
  /** Start just after this message id (exclusive). */
  start_after?: string;
  /** Start at this message id (inclusive). */
  start_at?: string;
  /** @defaultValue {@link DEFAULT_PAGE_SIZE} */
  page_size?: number;
  /** At the end of the topic, wait this long for a message before answering empty. */
  waitMs?: number;
  signal?: AbortSignal;
}

/**
 * The message bus (AtomMQ): topics, publishing (JSON or Atom entries), paged reads with
 * cursors and long-polling at the head, retention settings.
 */
@Injectable()
export class BusService {
  constructor(
    private readonly store: TopicStore,
    private readonly notifier: BusNotifier,
    private readonly atom: AtomEntryParser,
  ) {}

  /** Publishes any JSON value, with an optional title. */
  async publishJson(topic: string, value: unknown, title?: string): Promise<BusMessage> {
    assertValidName(topic, 'topic');
    if (value === undefined) {
      throw new MalformedEntryError('the body is empty: send a JSON value or an Atom entry');
    }
    if (title !== undefined && title.length > MAX_TITLE_LENGTH) {
      throw new MalformedEntryError(`the title is longer than ${MAX_TITLE_LENGTH} characters`);
    }
    const body = JSON.stringify(value);
    const bytes = Buffer.byteLength(body);
    if (bytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(bytes, MAX_MESSAGE_BYTES);
    return this.store.publish(topic, {
      title: title || undefined,
      content_type: JSON_CONTENT_TYPE,
      body,
      value,
    });
  }

  /** Publishes an Atom `<entry>` (its title and content). */
  async publishAtom(topic: string, xml: string): Promise<BusMessage> {
    assertValidName(topic, 'topic');
    return this.store.publish(topic, this.atom.parse(xml));
  }

  /**
   * A page of the topic, oldest first. At the end of the topic with `waitMs`, waits for the
   * next publish (any process) before answering, empty if none comes in time.
   */
  async read(topic: string, options: ReadOptions = {}): Promise<BusPage> {
    assertValidName(topic, 'topic');
    const cursor = readCursor(options);
    const limit = options.page_size ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new JobqError(
        'invalid',
        'INVALID_PAGE_SIZE',
        `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      );
    }
    const page = (messages: BusMessage[]): BusPage => ({ topic, messages, cursor: cursor?.id });
    const read = () => this.store.read(topic, cursor, limit);
    const waitMs = options.waitMs ?? 0;
    if (waitMs <= 0) return page(await read());
    for await (const messages of this.notifier.follow(topic, read, {
      waitMs,
      signal: options.signal,
    })) {
      return page(messages);
    }
    return page([]);
  }

  /** One message by id. */
  message(topic: string, id: string): Promise<BusMessage> {
    assertValidName(topic, 'topic');
    return this.store.message(topic, id);
  }

  /** The newest messages of `topic`, newest first: at most `limit` (1 … {@link MAX_PAGE_SIZE}). */
  recent(topic: string, limit = 20): Promise<BusMessage[]> {
    assertValidName(topic, 'topic');
    return this.store.recent(topic, Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE));
  }

  /** Deletes a topic and everything in it. */
  remove(topic: string): Promise<void> {
    assertValidName(topic, 'topic');
    return this.store.remove(topic);
  }

  /** Every topic, by name. */
  list(): Promise<TopicInfo[]> {
    return this.store.list();
  }

  settings(topic: string): Promise<TopicSettings> {
    assertValidName(topic, 'topic');
    return this.store.settings(topic);
  }

  /** Changes settings (null clears one), creating the topic if need be; retention applies at once. */
  updateSettings(topic: string, patch: TopicSettingsPatch): Promise<TopicSettings> {
    assertValidName(topic, 'topic');
    return this.store.updateSettings(topic, patch);
  }
}

function readCursor({ start_after, start_at }: ReadOptions): ReadCursor | undefined {
  if (start_after !== undefined && start_at !== undefined) {
    throw new JobqError(
      'invalid',
      'INVALID_CURSOR',
      'give start_after (exclusive) or start_at (inclusive), not both',
    );
  }
  if (start_after !== undefined) return { mode: 'after', id: start_after, param: 'start_after' };
  if (start_at !== undefined) return { mode: 'at', id: start_at, param: 'start_at' };
  return undefined;
}
