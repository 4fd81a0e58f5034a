/** What an enqueue answers (`POST /q/:queue`). */
export interface EnqueuedJob {
  id: string;
  queue: string;
  name: string;
  /** Where the job starts: `waiting`, `prioritized` (has a priority) or `delayed`. */
  state: 'waiting' | 'prioritized' | 'delayed';
}
