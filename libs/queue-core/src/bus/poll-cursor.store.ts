import { Injectable } from '@nestjs/common';
import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { RedisConnections } from '../redis/redis-connections';
import { decodeEntry, RawEntry } from './bus-entry';
import { BusKeys } from './bus-keys';
import { BusMessage, DEFAULT_TOPIC_SETTINGS } from './bus-message';
import { BEGIN_CLIENT, TAKE } from './bus-scripts';

/** A poll/stream client unseen this long is forgotten (its cursor expires). */
export const CLIENT_TTL_MS = 5 * 60 * 1000;

/**
 * Server-side cursors of Tatsumaki poll and stream clients, in Redis so every api process
 * shares them: a HASH per (topic, client) with the cursor and a poll generation, expiring after
 * {@link CLIENT_TTL_MS} idle.
 */
@Injectable()
export class PollCursorStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: BusKeys,
  ) {}

  /**
   * Starts a poll or stream: returns its generation, which supersedes every older poll of the
   * client (in any process). `resumeAfter` (a message id) moves the cursor just after it.
   */
  async begin(topic: string, clientId: string, resumeAfter?: string): Promise<number> {
    const gen = Number(
      await BEGIN_CLIENT.run(
        this.connections.client,
        [this.keys.client(topic, clientId), this.keys.index(topic)],
        [CLIENT_TTL_MS, this.keys.channel, topic, clientId, resumeAfter ?? ''],
      ),
    );
    if (gen < 0) throw new InvalidCursorError(topic, 'Last-Event-ID', resumeAfter ?? '');
    return gen;
  }

  /**
   * Up to `limit` messages after the client's cursor, moving the cursor past them (a new client
   * gets the topic's backlog). Null once a newer poll of the client has begun.
   */
  async take(
    topic: string,
    clientId: string,
    gen: number,
    limit: number,
  ): Promise<BusMessage[] | null> {
    const entries = (await TAKE.run(
      this.connections.client,
      [
        this.keys.stream(topic),
        this.keys.client(topic, clientId),
        this.keys.clients(topic),
        this.keys.settings(topic),
      ],
      [gen, clientId, limit, CLIENT_TTL_MS, DEFAULT_TOPIC_SETTINGS.backlog],
    )) as RawEntry[] | null;
    return entries === null ? null : entries.map(decodeEntry);
  }
}
