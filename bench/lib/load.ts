import autocannon from 'autocannon';

/** Connections {@link load} keeps open. */
export const LOAD_CONNECTIONS = 64;

/** The one request {@link load} sends over and over. */
export interface LoadRequest {
  method: autocannon.Options['method'];
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Requests/s `url` answers to `request` over {@link LOAD_CONNECTIONS} connections for `duration` s
 * (autocannon's average); any non-2xx answer or error fails the run.
 */
export async function load(url: string, duration: number, request: LoadRequest): Promise<number> {
  const result = await autocannon({
    url,
    connections: LOAD_CONNECTIONS,
    duration,
    ...request,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}
