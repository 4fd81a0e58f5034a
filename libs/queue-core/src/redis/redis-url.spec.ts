import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { writeEmbeddedRedisRecord } from './embedded-redis-record';
import { chooseRedisUrl } from './redis-url';

describe('chooseRedisUrl', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobq-redis-url-'));
  const record = join(dataDir, 'redis', 'embedded.json');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('with REDIS_URL unset and no npm start ever run on DATA_DIR: the default, naming the file it looked for', () => {
    expect(chooseRedisUrl(loadConfig({ DATA_DIR: dataDir }))).toEqual({
      url: 'redis://127.0.0.1:6379',
      from: 'default',
      record,
    });
  });

  it('with REDIS_URL unset: the embedded Redis npm start recorded under DATA_DIR', () => {
    writeEmbeddedRedisRecord(dataDir, {
      url: 'redis://127.0.0.1:41807',
      port: 41807,
      redis_pid: 1,
      launcher_pid: 1,
      started_at: new Date().toISOString(),
    });
    expect(chooseRedisUrl(loadConfig({ DATA_DIR: dataDir }))).toEqual({
      url: 'redis://127.0.0.1:41807',
      from: 'embedded',
      record,
    });
  });

  it('REDIS_URL wins over any record', () => {
    const config = loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'redis://redis.internal:6380' });
    expect(chooseRedisUrl(config)).toEqual({
      url: 'redis://redis.internal:6380',
      from: 'REDIS_URL',
    });
  });
});
