import { Injectable } from '@nestjs/common';
import { assertValidName } from '../names/queue-name';
import { BusMessage } from './bus-message';
import { BusNotifier } from './bus-notifier';
import { BusStream } from './bus-stream';
import { PollCursorStore } from './poll-cursor.store';

/** Ids poll and stream clients may use. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

/** Most messages one poll returns. */
const POLL_BATCH = 1000;

/** How long a poll may wait. */
export interface PollOptions {
  timeoutMs: number;
  /** Aborts the wait (the client went away): nothing more is taken for it. */
  signal?: AbortSignal;
}

/**
 * Tatsumaki::MessageQueue on the bus: `poll_once` (long-poll) and `poll` (a stream), with the
 * per-client cursors of {@link PollCursorStore}. A topic with no messages is simply empty here.
 */
@Injectable()
export class BusPollService {
  constructor(
    private readonly cursors: PollCursorStore,
    private readonly notifier: BusNotifier,
  ) {}

  /**
   * Everything published since the client's previous poll (a new client: the topic's backlog).
   * With nothing new, waits up to `timeoutMs` and returns `[]`; returns `[]` at once when a newer
   * poll of the same client begins.
   */
  async poll(topic: string, clientId: string, options: PollOptions): Promise<BusMessage[]> {
    assertValidName(topic, 'topic');
    const gen = await this.cursors.begin(topic, clientId);
    const take = () => this.cursors.take(topic, clientId, gen, POLL_BATCH);
    for await (const messages of this.notifier.follow(topic, take, {
      client: { id: clientId, gen },
      waitMs: options.timeoutMs,
      signal: options.signal,
    })) {
      return messages;
    }
    return [];
  }

  /**
   * Opens a stream for a client, superseding its older polls and streams. `lastEventId` (the
   * SSE `Last-Event-ID`) resumes just after that message; unknown ids are refused.
   */
  async openStream(topic: string, clientId: string, lastEventId?: string): Promise<BusStream> {
    assertValidName(topic, 'topic');
    const gen = await this.cursors.begin(topic, clientId, lastEventId || undefined);
    return new BusStream(topic, clientId, gen, this.cursors, this.notifier);
  }
}
