import autocannon from 'autocannon';
import { interleave, Slice } from './interleave';

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
 * connections, loaded in turn (see {@link interleave}) for `duration` s each in all, in slices of
 * {@link SLICE_S} s. Any non-2xx answer or error fails the run.
 */
export function loadPaired(
  urls: PairedServers,
  duration: number,
  request: LoadRequest,
): Promise<{ baseline: number; jobq: number }> {
  const slices = Math.max(1, Math.round(duration / SLICE_S));
  const slice = (url: string) => async (): Promise<Slice> => {
    const result = await fire(url, duration / slices, request);
    return { count: result.requests.total, seconds: result.duration };
  };
  return interleave({ baseline: slice(urls.baseline), jobq: slice(urls.jobq) }, slices);
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
