/**
 * The API key every HTTP scenario runs with: jobq is measured with authentication on, and the
 * hand-written baselines get the same one-line bearer check (BENCH_KEY).
 */
export const BENCH_SECRET = 'bench-secret-0123456789abcdef';

/** `API_KEYS` of the jobq API under load. */
export const BENCH_API_KEYS = `bench:${BENCH_SECRET}:admin`;

/** The header every request of a scenario carries. */
export const BENCH_AUTH = { authorization: `Bearer ${BENCH_SECRET}` };
