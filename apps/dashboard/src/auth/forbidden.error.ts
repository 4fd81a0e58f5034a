import { JobqError, rolesThatCan, type Capability } from '@jobq/queue-core';
import type { Viewer } from './viewer';

/** What each capability is, in a sentence's words. */
const DOING: Record<Capability, string> = {
  read: 'reading the dashboard',
  produce: 'enqueueing a job',
  consume: 'consuming jobs',
  operate: 'pausing, resuming, retrying, cleaning or promoting',
  administer: 'changing a policy, purging a queue or deleting a job',
};

/** An action above the viewer's role (403, code `FORBIDDEN`), naming the roles that may do it. */
export class ForbiddenError extends JobqError {
  constructor(capability: Capability, viewer: Viewer) {
    const roles = rolesThatCan(capability).filter((r) =>
      ['admin', 'operator', 'viewer'].includes(r),
    );
    super(
      'forbidden',
      'FORBIDDEN',
      `${DOING[capability]} needs role ${roles.join(' or ')}; ${viewer.name} is ${viewer.role}`,
      { needs: roles, role: viewer.role },
    );
  }
}
