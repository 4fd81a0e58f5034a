import type { DashboardRole } from '@jobq/queue-core';

/** Who is looking at a page: a logged-in user, or everyone on this machine when no users are set. */
export interface Viewer {
  name: string;
  role: DashboardRole;
  /** True when `DASHBOARD_USERS` is unset: no login, loopback only, every role's share. */
  open: boolean;
}

/** The name actions are recorded under when no users are configured. */
export const OPEN_VIEWER: Viewer = Object.freeze({ name: 'local', role: 'admin', open: true });

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the dashboard's auth hook on every request it lets through. */
    viewer?: Viewer;
  }
  interface Session {
    /** The logged-in user's name (roles are read from `DASHBOARD_USERS` on each request). */
    user?: string;
  }
}
