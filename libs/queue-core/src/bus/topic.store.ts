import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { MessageNotFoundError } from '../errors/message-not-found.error';
import { TopicNotFoundError } from '../errors/topic-not-found.error';
import { RedisConnections } from '../redis/redis-connections';
import { decodeEntry, RawEntry, storedMessage } from './bus-entry';
import { BusKeys } from './bus-keys';
import {
  BusMessage,
  DEFAULT_TOPIC_SETTINGS,
  MessageDraft,
  TopicInfo,
  TopicSettings,
  TopicSettingsPatch,
} from './bus-message';
import { DELETE_TOPIC, PUBLISH, READ, TRIM } from './bus-scripts';

/** Where a read starts: the oldest message, just after a message, or at a message. */
export interface ReadCursor {
  mode: 'after' | 'at';
  id: string;
  /** The parameter the id came in (for the error message). */
  param: string;
}

const SETTING_FIELDS = ['max_len', 'max_age_s', 'backlog'] as const;
const TRIM_BATCH = 10_000;
const CLIENT_IDLE_S = 300;

/**
 * Topics on Redis Streams: publish, read pages by cursor, retention, settings, listing. One
 * round trip per call (Lua), so any number of processes can share a topic.
 */
@Injectable()
export class TopicStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: BusKeys,
  ) {}

  /** Appends a message (creating the topic), applies retention, and wakes every waiter. */
  async publish(topic: string, draft: MessageDraft): Promise<BusMessage> {
    const id = `urn:uuid:${randomUUID()}`;
    const [entryId, seq] = (await PUBLISH.run(
      this.connections.client,
      [
        this.keys.stream(topic),
        this.keys.index(topic),
        this.keys.seq(topic),
        this.keys.settings(topic),
        this.keys.topics,
      ],
      [id, draft.content_type, draft.body, draft.title ?? '', topic, this.keys.notify(topic)],
    )) as [string, number];
    return storedMessage(entryId, id, seq, draft);
  }

  /** Up to `limit` messages, oldest first, from the start or from a cursor. */
  async read(topic: string, cursor: ReadCursor | undefined, limit: number): Promise<BusMessage[]> {
    const reply = (await READ.run(
      this.connections.client,
      [this.keys.topics, this.keys.index(topic), this.keys.stream(topic)],
      [topic, cursor?.mode ?? '-', cursor?.id ?? '', limit],
    )) as [number, RawEntry[]?];
    if (reply[0] === -1) throw new TopicNotFoundError(topic);
    if (reply[0] === -2 && cursor) throw new InvalidCursorError(topic, cursor.param, cursor.id);
    return (reply[1] ?? []).map(decodeEntry);
  }

  /** One message by id. */
  async message(topic: string, id: string): Promise<BusMessage> {
    try {
      const [message] = await this.read(topic, { mode: 'at', id, param: 'id' }, 1);
      if (message?.id === id) return message;
    } catch (err) {
      if (!(err instanceof InvalidCursorError)) throw err;
    }
    throw new MessageNotFoundError(topic, id);
  }

  /** The newest `limit` messages, newest first (an empty list for a topic with none). */
  async recent(topic: string, limit: number): Promise<BusMessage[]> {
    const rows = (await this.connections.client.xrevrange(
      this.keys.stream(topic),
      '+',
      '-',
      'COUNT',
      limit,
    )) as RawEntry[];
    return rows.map(decodeEntry);
  }

  /** Deletes a topic with its messages, index and settings. */
  async remove(topic: string): Promise<void> {
    const existed = await DELETE_TOPIC.run(
      this.connections.client,
      [
        this.keys.topics,
        this.keys.stream(topic),
        this.keys.index(topic),
        this.keys.seq(topic),
        this.keys.settings(topic),
        this.keys.clients(topic),
      ],
      [topic, this.keys.notify(topic)],
    );
    if (existed !== 1) throw new TopicNotFoundError(topic);
  }

  async exists(topic: string): Promise<boolean> {
    return (await this.connections.client.sismember(this.keys.topics, topic)) === 1;
  }

  /** Every topic with its size, newest message, active clients and settings, by name. */
  async list(): Promise<TopicInfo[]> {
    const redis = this.connections.client;
    const names = (await redis.smembers(this.keys.topics)).sort();
    if (names.length === 0) return [];
    const since = Math.floor(Date.now() / 1000) - CLIENT_IDLE_S;
    const pipeline = redis.pipeline();
    for (const name of names) {
      pipeline.xlen(this.keys.stream(name));
      pipeline.xrevrange(this.keys.stream(name), '+', '-', 'COUNT', 1);
      pipeline.zcount(this.keys.clients(name), since, '+inf');
      pipeline.hmget(this.keys.settings(name), ...SETTING_FIELDS);
    }
    const results = (await pipeline.exec()) ?? [];
    return names.map((name, i) => {
      const at = (k: number): unknown => {
        const [err, value] = results[i * 4 + k] ?? [null, null];
        if (err) throw err;
        return value;
      };
      const [last] = at(1) as RawEntry[];
      const message = last ? decodeEntry(last) : undefined;
      return {
        name,
        messages: at(0) as number,
        last_id: message?.id ?? null,
        last_published_at: message?.published_at ?? null,
        clients: at(2) as number,
        settings: toSettings(at(3) as (string | null)[]),
      };
    });
  }

  /** The topic's settings (defaults where unset). */
  async settings(topic: string): Promise<TopicSettings> {
    const redis = this.connections.client;
    const [[memberErr, member], [valuesErr, values]] = ((await redis
      .pipeline()
      .sismember(this.keys.topics, topic)
      .hmget(this.keys.settings(topic), ...SETTING_FIELDS)
      .exec()) ?? []) as [[Error | null, number], [Error | null, (string | null)[]]];
    if (memberErr ?? valuesErr) throw memberErr ?? valuesErr;
    if (member !== 1) throw new TopicNotFoundError(topic);
    return toSettings(values);
  }

  /**
   * Changes some settings (null clears one), creating the topic if need be, then trims the
   * topic to its new retention right away.
   */
  async updateSettings(topic: string, patch: TopicSettingsPatch): Promise<TopicSettings> {
    const redis = this.connections.client;
    const key = this.keys.settings(topic);
    const multi = redis.multi().sadd(this.keys.topics, topic);
    for (const field of SETTING_FIELDS) {
      const value = patch[field];
      if (value === null) multi.hdel(key, field);
      else if (value !== undefined) multi.hset(key, field, String(value));
    }
    await multi.exec();
    const trimKeys = [this.keys.stream(topic), this.keys.index(topic), key];
    while (((await TRIM.run(redis, trimKeys, [TRIM_BATCH])) as number) >= TRIM_BATCH);
    return this.settings(topic);
  }
}

function toSettings([maxLen, maxAge, backlog]: (string | null)[]): TopicSettings {
  return {
    max_len: maxLen === null ? DEFAULT_TOPIC_SETTINGS.max_len : Number(maxLen),
    max_age_s: maxAge === null ? DEFAULT_TOPIC_SETTINGS.max_age_s : Number(maxAge),
    backlog: backlog === null ? DEFAULT_TOPIC_SETTINGS.backlog : Number(backlog),
  };
}
