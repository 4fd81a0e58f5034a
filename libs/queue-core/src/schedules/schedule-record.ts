import type { ScheduleSpec } from './schedule-spec';

/**
 * What jobq keeps of a schedule beside BullMQ's job scheduler (which holds its live state: next
 * run, iterations): the spec as given, so a paused schedule can be resumed, and where it was
 * declared. Persisted — never rename a field.
 */
export interface ScheduleRecord {
  spec: ScheduleSpec;
  /** Paused: BullMQ's scheduler is removed, this record stays. */
  paused: boolean;
  /** Declared in code by a worker app (`@JobHandler({ schedule })`): which one. */
  declared?: {
    app: string;
    /** Set when that app booted without declaring it any more (epoch ms); cleared when it does again. */
    missing_since?: number;
  };
  created_at: number;
  updated_at: number;
}
