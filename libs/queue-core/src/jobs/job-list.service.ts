import { Injectable } from '@nestjs/common';
import type { RedisClient } from '../redis/redis-connections';
import { InvalidJobCursorError } from '../errors/invalid-job-cursor.error';
import { JobqError } from '../errors/jobq.error';
import { assertValidName } from '../names/queue-name';
import { QueueRegistry } from '../queues/queue.registry';
import { RedisConnections } from '../redis/redis-connections';
import {
  DATA_PREVIEW_CHARS,
  JobPage,
  JobSummary,
  LISTED_STATES,
  ListedState,
  MAX_JOB_PAGE,
} from './job-page';

/** How each state is kept by BullMQ, and in which order a listing reads it. */
const LAYOUT: Record<ListedState, { key: string; kind: 'list' | 'zset'; order: 'asc' | 'desc' }> = {
  // Jobs leave `wait` from its right end: the next one to run first.
  waiting: { key: 'wait', kind: 'list', order: 'desc' },
  active: { key: 'active', kind: 'list', order: 'asc' },
  prioritized: { key: 'prioritized', kind: 'zset', order: 'asc' },
  delayed: { key: 'delayed', kind: 'zset', order: 'asc' },
  'waiting-children': { key: 'waiting-children', kind: 'zset', order: 'asc' },
  completed: { key: 'completed', kind: 'zset', order: 'desc' },
  failed: { key: 'failed', kind: 'zset', order: 'desc' },
};

const FIELDS = [
  'name',
  'data',
  'timestamp',
  'processedOn',
  'finishedOn',
  'delay',
  'atm',
  'priority',
  'progress',
  'failedReason',
] as const;

const LIST_CURSOR = /^o(\d{1,12})$/;
const ZSET_CURSOR = /^s(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?):(.{1,256})$/;

/**
 * Lists a queue's jobs by state, a page at a time, with a cursor: never a whole state. Sorted
 * sets (prioritized, delayed, completed, failed) page by score, so any page costs O(log N + page);
 * lists (waiting, active) page by position from the end jobs leave by, which Redis walks from
 * the nearer end. Each job on the page is one `HMGET` of the fields a row needs, all pipelined.
 */
@Injectable()
export class JobListService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly connections: RedisConnections,
  ) {}

  /**
   * One page of `state`'s jobs: waiting in the order they will be handed out, active as taken,
   * prioritized by priority, delayed soonest first, completed and failed newest first.
   * @param options.cursor - the `next` of the previous page; absent for the first.
   * @param options.limit - jobs per page, 1 … {@link MAX_JOB_PAGE}. @defaultValue 25
   * @throws InvalidNameError; JobqError (`INVALID_STATE`); InvalidJobCursorError.
   */
  async page(
    queue: string,
    state: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<JobPage> {
    assertValidName(queue);
    if (!isListedState(state)) {
      throw new JobqError(
        'invalid',
        'INVALID_STATE',
        `state must be one of ${LISTED_STATES.join(', ')} (got ${JSON.stringify(state)})`,
      );
    }
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 25), 1), MAX_JOB_PAGE);
    if (!(await this.registry.has(queue))) return { queue, state, total: 0, jobs: [], next: null };
    const layout = LAYOUT[state];
    const key = this.registry.queue(queue).toKey(layout.key);
    const redis = this.connections.client;
    const [{ ids, next }, total] = await Promise.all([
      layout.kind === 'list'
        ? listPage(redis, key, layout.order, options.cursor, limit)
        : zsetPage(redis, key, layout.order, options.cursor, limit),
      this.registry.queue(queue).getJobCountByTypes(state),
    ]);
    const prefix = this.registry.queue(queue).toKey('');
    const rows = await Promise.all(ids.map((id) => redis.hmget(`${prefix}${id}`, ...FIELDS)));
    const jobs = ids.flatMap((id, i) => (rows[i][0] === null ? [] : [summary(id, rows[i])]));
    return { queue, state, total, jobs, next };
  }
}

function isListedState(state: string): state is ListedState {
  return (LISTED_STATES as readonly string[]).includes(state);
}

async function listPage(
  redis: RedisClient,
  key: string,
  order: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): Promise<{ ids: string[]; next: string | null }> {
  let offset = 0;
  if (cursor !== undefined) {
    const match = LIST_CURSOR.exec(cursor);
    if (!match) throw new InvalidJobCursorError(cursor);
    offset = Number(match[1]);
  }
  const got =
    order === 'asc'
      ? await redis.lrange(key, offset, offset + limit)
      : (await redis.lrange(key, -(offset + limit + 1), -(offset + 1))).reverse();
  const ids = got.slice(0, limit);
  return { ids, next: got.length > limit ? `o${offset + limit}` : null };
}

async function zsetPage(
  redis: RedisClient,
  key: string,
  order: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): Promise<{ ids: string[]; next: string | null }> {
  let from: { score: number; raw: string; id: string } | undefined;
  if (cursor !== undefined) {
    const match = ZSET_CURSOR.exec(cursor);
    if (!match || !Number.isFinite(Number(match[1]))) throw new InvalidJobCursorError(cursor);
    from = { score: Number(match[1]), raw: match[1], id: match[2] };
  }
  const asc = order === 'asc';
  // Members sharing the cursor's score come back first and are skipped: fetch past them.
  for (let batch = limit + 1; ; batch *= 4) {
    const start = from?.raw ?? (asc ? '-inf' : '+inf');
    const flat = asc
      ? await redis.zrangebyscore(key, start, '+inf', 'WITHSCORES', 'LIMIT', 0, batch)
      : await redis.zrevrangebyscore(key, start, '-inf', 'WITHSCORES', 'LIMIT', 0, batch);
    const entries: { id: string; score: string }[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const id = flat[i];
      const score = Number(flat[i + 1]);
      if (from && score === from.score && (asc ? id <= from.id : id >= from.id)) continue;
      entries.push({ id, score: flat[i + 1] });
    }
    if (entries.length > limit || flat.length < batch * 2) {
      const page = entries.slice(0, limit);
      const last = page.at(-1);
      return {
        ids: page.map((e) => e.id),
        next: entries.length > limit && last ? `s${last.score}:${last.id}` : null,
      };
    }
  }
}

const iso = (ms: string | null): string | null =>
  ms && Number(ms) ? new Date(Number(ms)).toISOString() : null;

function summary(id: string, row: (string | null)[]): JobSummary {
  const [name, data, timestamp, processedOn, finishedOn, delay, atm, priority, progress, failed] =
    row;
  const raw = data ?? '{}';
  const due = Number(delay ?? 0) > 0 && timestamp ? Number(timestamp) + Number(delay) : null;
  return {
    id,
    name: name ?? '',
    data_preview: raw.length > DATA_PREVIEW_CHARS ? `${raw.slice(0, DATA_PREVIEW_CHARS)}…` : raw,
    created_at: iso(timestamp),
    processed_at: iso(processedOn),
    finished_at: iso(finishedOn),
    run_at: due === null ? null : new Date(due).toISOString(),
    attempts_made: Number(atm ?? 0),
    priority: Number(priority ?? 0),
    progress: parseProgress(progress),
    failed_reason: failed || null,
  };
}

function parseProgress(raw: string | null): unknown {
  if (raw === null || raw === '') return 0;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
