import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors/config.error';
import { loadConfig } from './load-config';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'jobq-config-')), 'jobq.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      QUEUE_PREFIX: 'jobq',
      API_HOST: '127.0.0.1',
      API_PORT: 3000,
      DASHBOARD_PORT: 3001,
      WORKER_CONCURRENCY: 10,
      LOG_LEVEL: 'info',
      WORKER_EXAMPLES: true,
      WORKER_GRACE_MS: 30000,
      WORKER_LOCK_MS: 30000,
      WORKER_STALLED_INTERVAL_MS: 30000,
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.WORKER_QUEUES).toBeUndefined();
  });

  it('reads and converts environment values', () => {
    const config = loadConfig({
      API_PORT: '4000',
      WORKER_QUEUES: 'a, b.c',
      WORKER_EXAMPLES: 'false',
    });
    expect(config.API_PORT).toBe(4000);
    expect(config.WORKER_QUEUES).toEqual(['a', 'b.c']);
    expect(config.WORKER_EXAMPLES).toBe(false);
  });

  it.each([
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['WORKER_CONCURRENCY', '0'],
    ['WORKER_LOCK_MS', '50'],
    ['WORKER_STALLED_INTERVAL_MS', 'soon'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'localhost:6379'],
    ['WORKER_QUEUES', 'ok,not ok'],
    ['QUEUE_PREFIX', 'a b'],
  ])('rejects %s=%s naming the key', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`^configuration ${key}:`));
  });

  it('says the whole range of a number, whichever bound was broken', () => {
    for (const value of ['abc', '70000', '-1']) {
      expect(() => loadConfig({ API_PORT: value })).toThrow(
        `configuration API_PORT: API_PORT must be an integer from 0 to 65535 (got ${JSON.stringify(value === 'abc' ? value : Number(value))})`,
      );
    }
  });

  it('reads Redis Cluster seed nodes and asks for a hash-tagged prefix', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002',
      QUEUE_PREFIX: '{jobq}',
    });
    expect(config.REDIS_CLUSTER_NODES).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:1', QUEUE_PREFIX: 'app{prod}' }).QUEUE_PREFIX).toBe(
      'app{prod}',
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1' })).toThrow(
      /^configuration QUEUE_PREFIX: .*hash tag.*set QUEUE_PREFIX=\{jobq\}/,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'a:1', QUEUE_PREFIX: '{}jobq' })).toThrow(
      /QUEUE_PREFIX/,
    );
    expect(() =>
      loadConfig({ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://a:1', QUEUE_PREFIX: '{j}' }),
    ).toThrow(/^configuration REDIS_CLUSTER_NODES: .*not both/);
    for (const bad of ['a', 'a:0', 'a:70000', 'redis://a:1', ' , '])
      expect(() => loadConfig({ REDIS_CLUSTER_NODES: bad, QUEUE_PREFIX: '{j}' })).toThrow(
        /^configuration REDIS_CLUSTER_NODES:/,
      );
  });

  it('lets a YAML CONFIG_FILE override the environment', () => {
    const file = yamlFile('API_PORT: 4100\nworker_queues: [x, y]\n');
    const config = loadConfig({ API_PORT: '4000', CONFIG_FILE: file });
    expect(config.API_PORT).toBe(4100);
    expect(config.WORKER_QUEUES).toEqual(['x', 'y']);
  });

  it('rejects unknown YAML keys and unreadable files', () => {
    expect(() => loadConfig({ CONFIG_FILE: yamlFile('API_PROT: 1\n') })).toThrow(
      /API_PROT: unknown key/,
    );
    expect(() => loadConfig({ CONFIG_FILE: '/nonexistent/jobq.yaml' })).toThrow(
      /CONFIG_FILE: cannot read/,
    );
  });
});
