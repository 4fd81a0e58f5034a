import { Capability, Role, rolesThatCan } from './roles';
import { JobqError } from '../errors/jobq.error';

/** A caller whose role may not do what it asked (403); the message names the roles that may. */
export class RoleRequiredError extends JobqError {
  /**
   * @param needs - what the action needs.
   * @param caller - who asked: an API key or a dashboard user, and its role.
   */
  constructor(needs: Capability, caller: { kind: 'key' | 'user'; name: string; role: Role }) {
    const roles = rolesThatCan(needs);
    super(
      'forbidden',
      'FORBIDDEN',
      `this needs role ${orList(roles)}; ${caller.kind} "${caller.name}" has role ${caller.role}`,
      { needs, roles, [caller.kind]: caller.name, role: caller.role },
    );
  }
}

function orList(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
