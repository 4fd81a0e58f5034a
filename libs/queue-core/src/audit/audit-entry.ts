import type { Role } from '../auth/roles';

/** What can be done, as the trail names it. Persisted (stored in every entry) — never rename. */
export const AUDIT_ACTIONS = [
  'policy.update',
  'queue.stop',
  'queue.start',
  'queue.purge',
  'job.enqueue',
  'job.retry',
  'job.delete',
  'job.promote',
  'jobs.retry_failed',
  'jobs.clean',
  'topic.settings',
  'topic.delete',
  'schedule.upsert',
  'schedule.delete',
  'schedule.pause',
  'schedule.resume',
  'schedule.run',
] as const;

/** What was done. Persisted (stored in every entry) — never rename. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who acted: an API key or a dashboard user, by name (never a secret), and its role; `anonymous`
 * (role `admin`) when the app has no keys or users configured and serves loopback only.
 */
export interface AuditActor {
  kind: 'key' | 'user' | 'anonymous';
  name: string;
  role: Role;
}

/** One action as it is recorded. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  /** Where it came from: `api` or `dashboard`. */
  via: 'api' | 'dashboard';
  /** The client's address. */
  from: string;
  queue?: string;
  topic?: string;
  /** The job, schedule or other thing inside the queue, when there is one. */
  id?: string;
  /** Before and after, for changes of settings (policy, topic settings). */
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping (how many jobs a clean removed, …). */
  details?: unknown;
}

/** A recorded action as the trail reads it back. */
export interface AuditEntry extends AuditRecord {
  /** Its place in the trail (the stream entry id): the cursor to read on from. */
  id_in_trail: string;
  /** When it was recorded, ISO 8601. */
  at: string;
}

/** A page of the trail, newest first. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` to read the next (older) page; `null` at the oldest entry. */
  next: string | null;
}
