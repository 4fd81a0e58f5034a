import { hashPassword } from '../../libs/queue-core/src/auth/password-hash';

/** The test users: one per role, the password is the user name reversed. */
export const USERS = ['ada:admin', 'otto:operator', 'vera:viewer'].map((entry) => {
  const [name, role] = entry.split(':');
  return { name, role, password: [...name].reverse().join('') + '-secret' };
});

/** `DASHBOARD_USERS` for {@link USERS}. */
export async function dashboardUsers(): Promise<string> {
  const entries = await Promise.all(
    USERS.map(async (u) => `${u.name}:${await hashPassword(u.password)}:${u.role}`),
  );
  return entries.join(',');
}

/** A browser-like HTTP client of one dashboard: keeps its session cookie, sends `Origin`. */
export class DashboardClient {
  cookie = '';

  constructor(readonly base: string) {}

  /** Logs in; answers the login's status. */
  async login(name: string, password: string): Promise<Response> {
    const res = await this.send(
      'POST',
      '/login',
      new URLSearchParams({ user: name, password, next: '/' }),
    );
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  /** A request with the session cookie; form bodies as `URLSearchParams`. */
  send(
    method: string,
    path: string,
    body?: URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      body,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method === 'GET' ? {} : { origin: this.base }),
        accept: 'text/html',
        ...headers,
      },
    });
  }
}
