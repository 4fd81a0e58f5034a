/**
 * The role words of API keys (`API_KEYS`) and dashboard users (`DASHBOARD_USERS`) — one vocabulary
 * for both (SPEC §7, §8) — and what each role may do. Persisted in configuration — never rename.
 */
export const ROLES = ['admin', 'operator', 'viewer', 'producer', 'consumer'] as const;

/** A role an API key or a dashboard user holds. */
export type Role = (typeof ROLES)[number];

/**
 * What a route or a dashboard action needs:
 * - `read`: look at queues, jobs, workers, topics, metrics, the OpenAPI document.
 * - `produce`: enqueue (one, a batch), RPC, publish to the bus.
 * - `consume`: pull, complete, fail, re-insert; read, poll and stream the bus; register a worker.
 * - `operate`: pause and resume a queue, retry jobs, clean finished jobs, promote delayed ones.
 * - `administer`: change a policy or topic settings, purge a queue, delete a job or a topic, read the audit trail.
 */
export const CAPABILITIES = ['read', 'produce', 'consume', 'operate', 'administer'] as const;

/** Something a caller may be allowed to do. */
export type Capability = (typeof CAPABILITIES)[number];

/** What each role may do: `admin` everything, the others their share. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = Object.freeze({
  admin: CAPABILITIES,
  operator: ['read', 'produce', 'operate'],
  viewer: ['read'],
  producer: ['read', 'produce'],
  consumer: ['read', 'consume'],
});

/** Whether `role` may do `capability`. */
export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** The roles that may do `capability`, for messages ("needs role producer, operator or admin"). */
export function rolesThatCan(capability: Capability): Role[] {
  return ROLES.filter((role) => can(role, capability));
}

/** Whether `value` is a role word. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
