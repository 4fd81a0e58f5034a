/** Every route of the dashboard, once: controllers, links and forms all use these. */
export const PATHS = {
  overview: '/',
  overviewJson: '/api/overview',
  login: '/login',
  logout: '/logout',
  queue: '/queues/:queue',
  queueJobs: '/queues/:queue/jobs',
  queuePolicy: '/queues/:queue/policy',
  queuePause: '/queues/:queue/pause',
  queueResume: '/queues/:queue/resume',
  queueRetryFailed: '/queues/:queue/retry-failed',
  queueClean: '/queues/:queue/clean/:state',
  queueEnqueue: '/queues/:queue/enqueue',
  queuePurge: '/queues/:queue/purge',
  job: '/queues/:queue/jobs/:id',
  jobRetry: '/queues/:queue/jobs/:id/retry',
  jobPromote: '/queues/:queue/jobs/:id/promote',
  jobDelete: '/queues/:queue/jobs/:id/delete',
  lookup: '/jobs',
  workers: '/workers',
  bus: '/bus',
  topic: '/bus/:topic',
  audit: '/audit',
  schedules: '/schedules',
  scheduleNew: '/schedules/new',
  scheduleSave: '/schedules/save',
  scheduleTable: '/schedules/table',
  schedule: '/schedules/:queue/:id',
  schedulePause: '/schedules/:queue/:id/pause',
  scheduleResume: '/schedules/:queue/:id/resume',
  scheduleRun: '/schedules/:queue/:id/run',
  scheduleDelete: '/schedules/:queue/:id/delete',
  liveOverview: '/live/overview',
  liveWorkers: '/live/workers',
  liveQueue: '/live/queues/:queue',
  assets: '/assets/',
  vendor: '/assets/vendor/',
  board: '/board',
} as const;

type Path = (typeof PATHS)[keyof typeof PATHS];

/**
 * A route with its `:params` filled in (URI-encoded) and an optional query string; query values
 * that are undefined are left out.
 */
export function href(
  path: Path,
  params: Record<string, string> = {},
  query: Record<string, string | number | undefined> = {},
): string {
  const filled = path.replace(/:([a-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`href(${path}): no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) search.set(key, String(value));
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** Routes anyone may reach without logging in. */
export function isPublicPath(url: string): boolean {
  const path = url.split('?')[0];
  return (
    path === PATHS.login ||
    path.startsWith(PATHS.assets) ||
    path === '/health' ||
    path.startsWith('/health/') ||
    path === '/favicon.ico'
  );
}
