import { Injectable } from '@nestjs/common';
import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { RedisConnections } from '../redis/redis-connections';
import { decodeEntry, RawEntry } from './bus-entry';
import { BusKeys } from './bus-keys';
import { BusMessage, DEFAULT_TOPIC_SETTINGS } from './bus-message';
import { BEGIN_CLIENT, TAKE } from './bus-scripts';

/** A poll/stream client unseen this long is forgotten (its cursor expires). */
export const CLIENT_TTL_MS = 5 * 60 * 1000;

/** Most clients one take script serves (bounds how long it holds Redis). */
const TAKE_BATCH = 1000;

/**
 * Server-side cursors of Tatsumaki poll and stream clients, in Redis so every api process
 * shares them: a HASH per (topic, client) with the cursor and a poll generation, expiring after
 * {@link CLIENT_TTL_MS} idle.
 */
@Injectable()
export class PollCursorStore {
  private readonly pending = new Map<string, PendingTake[]>();

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
        [CLIENT_TTL_MS, this.keys.notify(topic), clientId, resumeAfter ?? ''],
      ),
    );
    if (gen < 0) throw new InvalidCursorError(topic, 'Last-Event-ID', resumeAfter ?? '');
    return gen;
  }

  /**
   * Up to `limit` messages after the client's cursor, moving the cursor past them (a new client
   * gets the topic's backlog). Null once a newer poll of the client has begun. Takes asked for in
   * the same tick (every poller a publish wakes) go to Redis together, one script per topic.
   */
  take(topic: string, clientId: string, gen: number, limit: number): Promise<BusMessage[] | null> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) process.nextTick(() => this.flush());
      let batch = this.pending.get(topic);
      if (!batch) this.pending.set(topic, (batch = []));
      batch.push({ clientId, gen, limit, resolve, reject });
    });
  }

  private flush(): void {
    const pending = [...this.pending];
    this.pending.clear();
    for (const [topic, takes] of pending) {
      for (let i = 0; i < takes.length; i += TAKE_BATCH) {
        void this.takeBatch(topic, takes.slice(i, i + TAKE_BATCH));
      }
    }
  }

  private async takeBatch(topic: string, takes: PendingTake[]): Promise<void> {
    try {
      const [slots, lists] = (await TAKE.run(
        this.connections.client,
        [
          this.keys.stream(topic),
          this.keys.clients(topic),
          this.keys.settings(topic),
          ...takes.map((t) => this.keys.client(topic, t.clientId)),
        ],
        [
          CLIENT_TTL_MS,
          DEFAULT_TOPIC_SETTINGS.backlog,
          ...takes.flatMap((t) => [t.gen, t.clientId, t.limit]),
        ],
      )) as [number[], RawEntry[][]];
      const messages = lists.map((entries) => entries.map(decodeEntry));
      takes.forEach((t, i) => t.resolve(slots[i] === 0 ? null : messages[slots[i] - 1]));
    } catch (err) {
      for (const t of takes) t.reject(err);
    }
  }
}

interface PendingTake {
  clientId: string;
  gen: number;
  limit: number;
  resolve: (messages: BusMessage[] | null) => void;
  reject: (err: unknown) => void;
}
