/** Why {@link BusWatch.wait} returned. */
export type WakeReason = 'message' | 'superseded' | 'timeout' | 'aborted';

type Pending = 'message' | 'superseded' | 'aborted';
const RANK: Record<Pending, number> = { message: 0, superseded: 1, aborted: 2 };

/**
 * One waiting request's subscription to a topic, registered with the process's notifier BEFORE
 * the request reads Redis, so a publish that lands between the read and the wait is not missed:
 * a wake-up that comes while nobody waits is kept for the next {@link wait}. `superseded` and
 * `aborted` are final: every later wait returns them at once.
 */
export class BusWatch {
  private pending?: Pending;
  private resolve?: (reason: WakeReason) => void;

  /**
   * @param topic - the topic watched.
   * @param client - for a poll/stream client: its id and poll generation; a newer generation supersedes it.
   * @param onClose - unregisters the watch.
   */
  constructor(
    readonly topic: string,
    readonly client: { id: string; gen: number } | undefined,
    private readonly onClose: (watch: BusWatch) => void,
  ) {}

  /** Called by the notifier: a message arrived, the client polled anew, or the process is closing. */
  wake(reason: Pending): void {
    if (!this.pending || RANK[reason] > RANK[this.pending]) this.pending = reason;
    if (this.resolve) this.resolve(this.take());
  }

  /**
   * Resolves on the next wake-up (or at once if one came since the last call), after `timeoutMs`
   * (`Infinity`: never) or on abort.
   */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<WakeReason> {
    if (signal?.aborted) return Promise.resolve('aborted');
    if (this.pending) return Promise.resolve(this.take());
    return new Promise<WakeReason>((resolve) => {
      const done = (reason: WakeReason) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.resolve = undefined;
        resolve(reason);
      };
      const onAbort = () => done('aborted');
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => done('timeout'), Math.max(0, timeoutMs))
        : undefined;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resolve = done;
    });
  }

  /** Unregisters the watch; a pending wait returns `aborted`. */
  close(): void {
    this.onClose(this);
    this.resolve?.('aborted');
  }

  private take(): WakeReason {
    const reason = this.pending ?? 'message';
    if (reason === 'message') this.pending = undefined;
    return reason;
  }
}
