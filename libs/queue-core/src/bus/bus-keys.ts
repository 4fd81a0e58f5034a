import { RedisKeys } from '../names/redis-keys';

/**
 * The bus's Redis layout, under `<prefix>:_jobq:bus:`. Every key of one topic shares the prefix
 * (and so its `{hash-tag}` on Redis Cluster), which lets one Lua script touch them together.
 * Persisted — never rename.
 */
export class BusKeys {
  /** SET of every topic name. Persisted — never rename. */
  readonly topics: string;
  /** What every key of a topic starts with (built once: a publish names six keys). */
  private readonly topicPrefix: string;

  constructor(keys: RedisKeys) {
    this.topics = keys.key('bus', 'topics');
    this.topicPrefix = keys.key('bus', 't', '');
  }

  /** STREAM of the topic's messages (fields below). Persisted — never rename. */
  stream(topic: string): string {
    return `${this.topicPrefix}${topic}:stream`;
  }

  /** HASH message id (`urn:uuid:…`) → stream entry id, for O(1) cursors. Persisted — never rename. */
  index(topic: string): string {
    return `${this.topicPrefix}${topic}:ids`;
  }

  /** Counter behind `seq`. Persisted — never rename. */
  seq(topic: string): string {
    return `${this.topicPrefix}${topic}:seq`;
  }

  /** HASH of the topic's settings (`max_len`, `max_age_s`, `backlog`). Persisted — never rename. */
  settings(topic: string): string {
    return `${this.topicPrefix}${topic}:settings`;
  }

  /** ZSET poll/stream client id → last seen (epoch s). Persisted — never rename. */
  clients(topic: string): string {
    return `${this.topicPrefix}${topic}:clients`;
  }

  /**
   * Pub/sub channel of the topic's wake-ups: `m` after a publish or delete, `p <gen> <client>`
   * when a client polls anew. Only processes with waiters on the topic subscribe.
   */
  notify(topic: string): string {
    return `${this.topicPrefix}${topic}:notify`;
  }

  /** HASH of one poll/stream client: `cursor` (stream entry id), `gen` (poll generation); expires when idle. */
  client(topic: string, clientId: string): string {
    return `${this.topicPrefix}${topic}:c:${clientId}`;
  }
}

/**
 * Field names of a stream entry. Persisted — never rename.
 * `i` id, `s` seq, `y` content type, `c` content, `t` title (optional).
 */
export const ENTRY_FIELDS = { id: 'i', seq: 's', type: 'y', content: 'c', title: 't' } as const;
