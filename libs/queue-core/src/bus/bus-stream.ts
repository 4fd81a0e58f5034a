import { BusMessage } from './bus-message';
import { BusNotifier } from './bus-notifier';
import { PollCursorStore } from './poll-cursor.store';

/** Messages handed to a stream per Redis round trip. */
const STREAM_BATCH = 500;

/**
 * One open SSE stream of a client (Tatsumaki `poll`): started by `BusPollService.openStream`,
 * read with {@link batches}.
 */
export class BusStream {
  constructor(
    readonly topic: string,
    readonly clientId: string,
    private readonly gen: number,
    private readonly cursors: PollCursorStore,
    private readonly notifier: BusNotifier,
  ) {}

  /**
   * Yields each batch of new messages as it is published, and an empty batch after
   * `heartbeatMs` of silence (time for a keep-alive; it also keeps the client's cursor alive).
   * Ends when `signal` aborts, a newer poll or stream of the same client begins, or the process
   * shuts down.
   */
  batches(signal: AbortSignal, heartbeatMs: number): AsyncGenerator<BusMessage[]> {
    const take = () => this.cursors.take(this.topic, this.clientId, this.gen, STREAM_BATCH);
    return this.notifier.follow(this.topic, take, {
      client: { id: this.clientId, gen: this.gen },
      signal,
      heartbeatMs,
    });
  }
}
