import { createServer, Server } from 'node:net';
import { spawnApp } from '../helpers/apps';
import { testEnv } from '../helpers/test-env';

/** A TCP server holding a port, so an app told to listen there cannot. */
async function holdPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** The pino line of `app` saying it failed to start. */
function fatalLine(lines: string[], app: string): Record<string, unknown> | undefined {
  return lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((entry) => entry.msg === `${app} failed to start`);
}

describe('an app that cannot boot logs why and exits 1', () => {
  it.each([
    ['api', 'API_PORT'],
    ['dashboard', 'DASHBOARD_PORT'],
  ] as const)('%s on a port in use', async (app, portKey) => {
    const { server, port } = await holdPort();
    try {
      const child = spawnApp(app, testEnv({ LOG_LEVEL: 'info', [portKey]: String(port) }));
      expect((await child.exited).code).toBe(1);
      const fatal = fatalLine(child.lines, app);
      expect(fatal).toMatchObject({ level: 60, app });
      expect(JSON.stringify(fatal?.err)).toMatch(/EADDRINUSE/);
    } finally {
      server.close();
    }
  });

  it.each([
    ['api', 'API_HOST', 'API_KEYS'],
    ['dashboard', 'DASHBOARD_HOST', 'DASHBOARD_USERS'],
  ] as const)(
    '%s told to listen beyond loopback with nobody configured',
    async (app, host, who) => {
      const child = spawnApp(app, testEnv({ LOG_LEVEL: 'info', [host]: '0.0.0.0' }));
      expect((await child.exited).code).toBe(1);
      expect(fatalLine(child.lines, app)).toMatchObject({ level: 60, app });
      expect(child.lines.join('\n')).toMatch(
        new RegExp(`${host}=0.0.0.0 listens beyond this machine, but ${who} is not set`),
      );
    },
  );

  it('a worker told to serve a queue no handler serves', async () => {
    const child = spawnApp('worker', testEnv({ LOG_LEVEL: 'info', WORKER_QUEUES: 'nope' }));
    expect((await child.exited).code).toBe(1);
    expect(fatalLine(child.lines, 'worker')).toMatchObject({ level: 60, app: 'worker' });
    expect(child.lines.join('\n')).toMatch(/worker failed to start: .*no handler serves nope/);
  });
});
