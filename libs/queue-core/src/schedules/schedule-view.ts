import cronstrue from 'cronstrue';
import type { ScheduledJobOptions, ScheduleSpec } from './schedule-spec';

/** A schedule as the API and the dashboard show it. Times are ISO 8601. */
export interface ScheduleView {
  queue: string;
  id: string;
  cron: string | null;
  tz: string | null;
  every_ms: number | null;
  /** The schedule in words: `Every 5 minutes (Europe/Paris)`, `every 90 seconds`. */
  description: string;
  /** The job name of every job produced. */
  name: string;
  data: Record<string, unknown>;
  opts: ScheduledJobOptions;
  start_at: string | null;
  end_at: string | null;
  limit: number | null;
  paused: boolean;
  /** When the next job is due; `null` while paused or once finished (`limit` reached, `end_at` passed). */
  next_run_at: string | null;
  /** Jobs produced so far (the next one, still delayed, not counted). */
  produced: number;
  /** The last job produced and its state (`null` before the first, or once retention removed it). */
  last_job: { id: string; state: string } | null;
  /** Set when a worker app declares it in code (`@JobHandler({ schedule })`). */
  declared_in_code: { app: string; missing_since: string | null } | null;
  created_at: string;
  updated_at: string;
}

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/** `spec` in words, for people: cron expressions read out (`At 09:00, Monday through Friday (UTC)`), intervals in their largest whole unit. */
export function describeSchedule(spec: ScheduleSpec): string {
  if (spec.cron !== undefined) {
    const words = cronstrue.toString(spec.cron, { use24HourTimeFormat: true, verbose: false });
    return `${words} (${spec.tz ?? 'UTC'})`;
  }
  const ms = spec.every_ms ?? 0;
  const [size, unit] = UNITS.find(([size]) => ms % size === 0) ?? [1, 'millisecond'];
  const n = ms / size;
  return n === 1 ? `Every ${unit}` : `Every ${n.toLocaleString('en-US')} ${unit}s`;
}

/** What a schedule was asked to do, without its live state: what the audit trail keeps of it. */
export function scheduleSettings(view: ScheduleView) {
  const { cron, tz, every_ms, name, data, opts, start_at, end_at, limit } = view;
  return { cron, tz, every_ms, name, data, opts, start_at, end_at, limit };
}
