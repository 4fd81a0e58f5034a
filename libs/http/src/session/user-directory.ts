import { DashboardUser, hashPassword, verifyPassword } from '@jobq/queue-core';

/**
 * The dashboard's users (`DASHBOARD_USERS`, parsed at boot) and the password check. With no users
 * the dashboard is {@link open}: no login, loopback only.
 */
export class UserDirectory {
  private readonly byName: Map<string, DashboardUser>;
  private decoy?: Promise<string>;

  constructor(users: DashboardUser[]) {
    this.byName = new Map(users.map((u) => [u.name, u]));
  }

  /** No users configured. */
  get open(): boolean {
    return this.byName.size === 0;
  }

  /** The user called `name`, if configured. */
  find(name: string): DashboardUser | undefined {
    return this.byName.get(name);
  }

  /**
   * The user whose name and password these are, or undefined. An unknown name costs the same
   * scrypt work as a wrong password, so timing does not tell which names exist.
   */
  async check(name: string, password: string): Promise<DashboardUser | undefined> {
    const user = this.byName.get(name);
    if (!user) {
      this.decoy ??= hashPassword('decoy');
      await verifyPassword(password, await this.decoy);
      return undefined;
    }
    return (await verifyPassword(password, user.hash)) ? user : undefined;
  }
}
