import { Layout } from '../../components/layout';
import { PATHS } from '../../routes';

/** The login form (a plain form: it works without scripts). */
export function LoginPage({
  next,
  user = '',
  error,
}: {
  next: string;
  user?: string;
  error?: string;
}): JSX.Element {
  return (
    <Layout title="Log in" active="none">
      <form class="login" method="post" action={PATHS.login}>
        <input type="hidden" name="next" value={next} />
        {error ? (
          <p class="notice notice-error" role="alert" id="login-error" safe>
            {error}
          </p>
        ) : (
          ''
        )}
        <div class="field">
          <label for="login-user">User</label>
          <input
            id="login-user"
            name="user"
            type="text"
            value={user}
            autocomplete="username"
            required
            autofocus
          />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby={error ? 'login-error' : undefined}
          />
        </div>
        <button type="submit">Log in</button>
      </form>
    </Layout>
  );
}
