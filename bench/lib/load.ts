import autocannon from 'autocannon';

/** Connections each load keeps open. */
export const LOAD_CONNECTIONS = 64;

/** Length of one slice of {@link loadPaired}, in seconds. */
const SLICE_S = 2;

/** The one request a load sends over and over. */
export interface LoadRequest {
  method: autocannon.Options['method'];
  headers?: Record<string, string>;
  body?: string;
}

/** The servers {@link loadPaired} compares: the baseline and jobq, both running. */
export interface PairedServers {
  baseline: string;
  jobq: string;
}

/**
 * Requests/s each of two running servers answers to `request` over {@link LOAD_CONNECTIONS}
 * connections: after a 1-s warm-up of each (not counted; a server just started runs code the JIT
 * has not compiled yet), each is loaded `duration` s in all, in slices of {@link SLICE_S} s taken in
 * turn, alternating which goes first. This machine's speed drifts by ±30% within minutes, so two
 * 10-s runs one after the other compare two different machines; slices seconds apart do not. Any
 * non-2xx answer or error fails the run.
 */
export async function loadPaired(
  urls: PairedServers,
  duration: number,
  request: LoadRequest,
): Promise<{ baseline: number; jobq: number }> {
  await fire(urls.baseline, 1, request);
  await fire(urls.jobq, 1, request);
  const done = { baseline: { requests: 0, seconds: 0 }, jobq: { requests: 0, seconds: 0 } };
  const slices = Math.max(1, Math.round(duration / SLICE_S));
  for (let i = 0; i < slices; i++) {
    const order = i % 2 === 0 ? (['baseline', 'jobq'] as const) : (['jobq', 'baseline'] as const);
    for (const side of order) {
      const result = await fire(urls[side], duration / slices, request);
      done[side].requests += result.requests.total;
      done[side].seconds += result.duration;
    }
  }
  return {
    baseline: done.baseline.requests / done.baseline.seconds,
    jobq: done.jobq.requests / done.jobq.seconds,
  };
}

async function fire(
  url: string,
  duration: number,
  request: LoadRequest,
): Promise<autocannon.Result> {
  const result = await autocannon({ url, connections: LOAD_CONNECTIONS, duration, ...request });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}
