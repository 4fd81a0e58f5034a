/** The queue of the example handlers. Persisted (jobs live under it) — never rename. */
export const DEMO_QUEUE = 'demo';
