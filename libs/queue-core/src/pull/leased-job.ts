/** A job handed to an HTTP worker, with the lease that must come back with its ack or fail. */
export interface LeasedJob {
  id: string;
  name: string;
  data: unknown;
  /** Lease token: send it with complete/fail. */
  token: string;
  /** When the lease runs out (epoch ms); unacknowledged by then, the job goes back to the queue. */
  expiresAt: number;
}

/** What an HTTP worker reports with a failed attempt. */
export interface LeaseFailure {
  /** The failure reason (becomes the job's `failed_reason`). */
  error: string;
  /** The worker's stack trace, if it has one. */
  stacktrace?: string;
  /** Fail for good, skipping the remaining attempts (BullMQ `UnrecoverableError`). */
  unrecoverable?: boolean;
}
