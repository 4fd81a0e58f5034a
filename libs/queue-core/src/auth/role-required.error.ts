import { JobqError } from '../errors/jobq.error';
import { DASHBOARD_ROLES } from './parse-dashboard-users';
import { Capability, Role, rolesThatCan } from './roles';

/** What each capability is, in a sentence's words. */
const DOING: Record<Capability, string> = {
  read: 'reading',
  produce: 'enqueueing or publishing',
  consume: 'pulling jobs or reading the bus',
  operate: 'pausing, resuming, retrying, cleaning or promoting',
  administer: 'changing a policy, purging a queue or deleting a job',
};

/**
 * A caller whose role may not do what it asked (403, code `FORBIDDEN`); the message names what it
 * asked and the roles that may — an API key's five role words, a dashboard user's three.
 */
export class RoleRequiredError extends JobqError {
  /**
   * @param needs - what the action needs.
   * @param caller - who asked: an API key or a dashboard user, and its role.
   */
  constructor(needs: Capability, caller: { kind: 'key' | 'user'; name: string; role: Role }) {
    const roles = rolesThatCan(needs).filter(
      (role) => caller.kind === 'key' || (DASHBOARD_ROLES as readonly Role[]).includes(role),
    );
    super(
      'forbidden',
      'FORBIDDEN',
      `${DOING[needs]} needs role ${orList(roles)}; ${caller.kind} "${caller.name}" has role ${caller.role}`,
      { needs, roles, [caller.kind]: caller.name, role: caller.role },
    );
  }
}

function orList(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
