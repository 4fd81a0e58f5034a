import { spawnApp } from '../helpers/apps';
import { ONE_KEY_PER_ROLE, secretOf } from '../helpers/api-keys';
import { testEnv } from '../helpers/test-env';

/** The pino lines of a run, parsed. */
function entries(lines: string[]): Record<string, unknown>[] {
  return lines
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the loopback rule of the API', () => {
  it('says at start that without keys it serves this machine only', async () => {
    const api = spawnApp('api', testEnv({ LOG_LEVEL: 'info' }));
    try {
      await api.waitForLine(/api listening/);
      const logged = entries(api.lines);
      expect(logged.find((e) => e.level === 40)).toMatchObject({
        API_KEYS: 'unset',
        msg: expect.stringMatching(/API_KEYS is not set: .*loopback only/),
      });
      expect(logged.find((e) => e.msg === 'api listening')?.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      await api.stop();
    }
  });

  it('listens beyond loopback once valid keys are configured', async () => {
    const api = spawnApp(
      'api',
      testEnv({ LOG_LEVEL: 'info', API_HOST: '0.0.0.0', API_KEYS: ONE_KEY_PER_ROLE }),
    );
    try {
      await api.waitForLine(/api listening/);
      expect(api.lines.join('\n')).not.toMatch(/loopback only/);
    } finally {
      await api.stop();
    }
  });

  it('stops at boot on a bad API_KEYS entry, naming it by position and never echoing a secret', async () => {
    const bad = `ci:${secretOf('producer')}:producer,ops:${secretOf('admin')}:superuser`;
    const api = spawnApp('api', testEnv({ LOG_LEVEL: 'info', API_HOST: '0.0.0.0', API_KEYS: bad }));
    expect((await api.exited).code).toBe(1);
    const output = api.lines.join('\n');
    expect(output).toMatch(
      /configuration API_KEYS: entry 2 \(ops\): the role must be one of admin, operator, viewer, producer, consumer/,
    );
    expect(output).not.toContain(secretOf('producer'));
    expect(output).not.toContain(secretOf('admin'));
  });
});
