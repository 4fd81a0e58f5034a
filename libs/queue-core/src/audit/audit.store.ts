import { Injectable } from '@nestjs/common';
import { JobqError } from '../errors/jobq.error';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import type { AuditAction, AuditEntry, AuditPage, AuditRecord } from './audit-entry';

/** Entries the trail keeps; older ones are trimmed as new ones arrive (approximately, `MAXLEN ~`). */
export const AUDIT_MAX_ENTRIES = 100_000;

/** Largest page of {@link AuditStore.read}. */
export const AUDIT_MAX_PAGE = 1000;

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;
const MAX_ID_PART = 2n ** 64n - 1n;

/** Whether `id` is a stream entry id Redis accepts: two unsigned 64-bit numbers. */
function isStreamId(id: string): boolean {
  return STREAM_ID.test(id) && id.split('-').every((part) => BigInt(part) <= MAX_ID_PART);
}

/**
 * The audit trail (SPEC §8): every admin or operator action, from the API or the dashboard,
 * appended to one bounded Redis stream (`<prefix>:_jobq:audit`), one `XADD` each. Fields are
 * stored as JSON. Persisted — never rename a field.
 */
@Injectable()
export class AuditStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
  ) {}

  /** The STREAM of the trail. Persisted — never rename. */
  get key(): string {
    return this.keys.key('audit');
  }

  /** Appends `record`; returns its id in the trail. */
  async record(record: AuditRecord): Promise<string> {
    const id = await this.connections.client.xadd(
      this.key,
      'MAXLEN',
      '~',
      String(AUDIT_MAX_ENTRIES),
      '*',
      'entry',
      JSON.stringify(record),
    );
    return String(id);
  }

  /**
   * A page of the trail, newest first: `limit` entries older than `before` (an id from an earlier
   * page's `next`), or the newest ones; with `action`, `queue` or `topic`, only those.
   * @throws JobqError (`INVALID_CURSOR`) when `before` is not an id of the trail's form.
   */
  async read(
    options: {
      before?: string;
      limit?: number;
      action?: AuditAction;
      queue?: string;
      topic?: string;
    } = {},
  ): Promise<AuditPage> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), AUDIT_MAX_PAGE);
    if (options.before !== undefined && !isStreamId(options.before)) {
      throw new JobqError(
        'invalid',
        'INVALID_CURSOR',
        `before must be the "next" of an earlier page of the audit trail (got ${JSON.stringify(options.before)})`,
      );
    }
    const end = options.before === undefined ? '+' : `(${options.before}`;
    const filtered =
      options.action !== undefined || options.queue !== undefined || options.topic !== undefined;
    const entries: AuditEntry[] = [];
    let cursor = end;
    let exhausted = false;
    while (entries.length < limit && !exhausted) {
      const batch = filtered ? AUDIT_MAX_PAGE : limit - entries.length;
      const rows = await this.connections.client.xrevrange(this.key, cursor, '-', 'COUNT', batch);
      exhausted = rows.length < batch;
      for (const [id, fields] of rows) {
        cursor = `(${id}`;
        const entry = toEntry(id, fields);
        if (options.action !== undefined && entry.action !== options.action) continue;
        if (options.queue !== undefined && entry.queue !== options.queue) continue;
        if (options.topic !== undefined && entry.topic !== options.topic) continue;
        entries.push(entry);
        if (entries.length === limit) break;
      }
    }
    const last = entries.at(-1)?.id_in_trail;
    return { entries, next: entries.length === limit && last ? last : null };
  }
}

function toEntry(id: string, fields: string[]): AuditEntry {
  const raw = fields[fields.indexOf('entry') + 1] ?? '{}';
  const record = JSON.parse(raw) as AuditRecord;
  return { ...record, id_in_trail: id, at: new Date(Number(id.split('-')[0])).toISOString() };
}
