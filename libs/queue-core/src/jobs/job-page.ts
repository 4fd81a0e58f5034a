import { JOB_STATES } from '../queues/queue-stats';

/** The job states a queue's jobs can be listed by: every state they are counted by. */
export const LISTED_STATES = JOB_STATES;

/** A state {@link JobListService.page} lists. */
export type ListedState = (typeof LISTED_STATES)[number];

/** One job as a listing shows it: enough for a row, not the whole job. */
export interface JobSummary {
  id: string;
  name: string;
  /** At most {@link DATA_PREVIEW_CHARS} characters of the payload's JSON, `…` where cut. */
  data_preview: string;
  created_at: string | null;
  processed_at: string | null;
  finished_at: string | null;
  /** When a delayed job is due (ISO 8601), else null. */
  run_at: string | null;
  attempts_made: number;
  priority: number;
  progress: unknown;
  failed_reason: string | null;
}

/** One page of a state's jobs, in the order the state is read (see {@link JobListService.page}). */
export interface JobPage {
  queue: string;
  state: ListedState;
  /** Jobs in the state now (BullMQ's count: `LLEN` / `ZCARD`, never a listing). */
  total: number;
  jobs: JobSummary[];
  /** Pass as `cursor` to read the next page; null on the last one. */
  next: string | null;
}

/** Characters of a payload a listing shows. */
export const DATA_PREVIEW_CHARS = 120;

/** Largest page {@link JobListService.page} reads. @defaultValue 25 per page when not given */
export const MAX_JOB_PAGE = 200;
