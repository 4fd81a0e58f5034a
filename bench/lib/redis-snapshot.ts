import type { Redis } from 'ioredis';
import { readTrace } from './redis-trace';

/** A process started with `traceEnv(socket)`. */
export interface TracedProcess {
  name: string;
  socket: string;
}

/** What Redis and the traced processes had counted at one moment. */
export interface RedisSnapshot {
  /** Server-side calls by command (`INFO commandstats`), Lua's own calls included. */
  calls: Record<string, number>;
  usedMemory: number;
  /** Client-side round trips by process, then by command (see {@link RedisTrace}). */
  roundTrips: Record<string, Record<string, number>>;
}

/** What happened between two snapshots, per job (or per second). */
export interface RedisWork {
  commands: number;
  byCommand: Record<string, number>;
  roundTrips: number;
  roundTripsByCommand: Record<string, number>;
  memoryBytes: number;
}

/** Takes a snapshot: one `INFO all` (not counted in the result) and each process's trace. */
export async function snapshot(redis: Redis, traced: TracedProcess[]): Promise<RedisSnapshot> {
  const info = await redis.info('all');
  const calls: Record<string, number> = {};
  for (const [, name, count] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
    if (name !== 'info') calls[name] = Number(count);
  const roundTrips: RedisSnapshot['roundTrips'] = {};
  for (const t of traced) roundTrips[t.name] = (await readTrace(t.socket)).roundTrips;
  return { calls, usedMemory: Number(/^used_memory:(\d+)/m.exec(info)![1]), roundTrips };
}

/**
 * The work between `before` and `after` per job, less `own` (commands the bench itself sent in
 * between, by name), every number divided by `jobs`.
 */
export function workPer(
  before: RedisSnapshot,
  after: RedisSnapshot,
  jobs: number,
  own: Record<string, number> = {},
): RedisWork {
  const byCommand = perJob(
    diff(after.calls, before.calls, (name) => own[name] ?? 0),
    jobs,
  );
  const trips: Record<string, number> = {};
  for (const [process, counts] of Object.entries(after.roundTrips))
    for (const [name, n] of Object.entries(diff(counts, before.roundTrips[process] ?? {})))
      trips[name] = (trips[name] ?? 0) + n;
  const roundTripsByCommand = perJob(trips, jobs);
  return {
    commands: sum(byCommand),
    byCommand,
    roundTrips: sum(roundTripsByCommand),
    roundTripsByCommand,
    memoryBytes: (after.usedMemory - before.usedMemory) / jobs,
  };
}

function diff(
  after: Record<string, number>,
  before: Record<string, number>,
  less: (name: string) => number = () => 0,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(after)) {
    const delta = n - (before[name] ?? 0) - less(name);
    if (delta > 0) out[name] = delta;
  }
  return out;
}

function perJob(counts: Record<string, number>, jobs: number): Record<string, number> {
  const sorted = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return Object.fromEntries(sorted.map(([name, n]) => [name, n / jobs]));
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
