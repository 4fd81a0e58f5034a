import type { Job } from 'bullmq';

/** A job as `GET /q/:queue/jobs/:id` shows it. Times are ISO 8601, `null` when not reached. */
export interface JobView {
  id: string;
  name: string;
  queue: string;
  state: string;
  data: unknown;
  progress: unknown;
  attempts_made: number;
  result: unknown;
  failed_reason: string | null;
  stacktrace: string[];
  created_at: string | null;
  processed_at: string | null;
  finished_at: string | null;
  delay: number;
  priority: number;
  logs: string[];
}

const iso = (ms: number | undefined): string | null => (ms ? new Date(ms).toISOString() : null);

/** The {@link JobView} of a BullMQ job in `state` with its `logs`. */
export function toJobView(job: Job, state: string, logs: string[]): JobView {
  return {
    id: String(job.id),
    name: job.name,
    queue: job.queueName,
    state,
    data: job.data,
    progress: job.progress,
    attempts_made: job.attemptsMade,
    result: job.returnvalue ?? null,
    failed_reason: job.failedReason || null,
    stacktrace: job.stacktrace ?? [],
    created_at: iso(job.timestamp),
    processed_at: iso(job.processedOn),
    finished_at: iso(job.finishedOn),
    delay: job.delay,
    priority: job.priority,
    logs,
  };
}
