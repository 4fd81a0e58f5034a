import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * What `npm start` writes about the Redis it embeds, so that an app started on its own with
 * `REDIS_URL` unset (`npm run start:worker` beside `npm start`) finds it. Persisted on disk —
 * never rename the fields.
 */
export interface EmbeddedRedisRecord {
  url: string;
  port: number;
  /** The redis-server process. */
  redis_pid: number;
  /** The `npm start` launcher that owns it. */
  launcher_pid: number;
  started_at: string;
}

/** `<DATA_DIR>/redis/embedded.json` (a relative `DATA_DIR` is read from the working directory). */
export function embeddedRedisRecordPath(dataDir: string): string {
  return resolve(dataDir, 'redis', 'embedded.json');
}

/** The record under `dataDir`, or undefined where `npm start` never embedded a Redis there. */
export function readEmbeddedRedisRecord(dataDir: string): EmbeddedRedisRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(embeddedRedisRecordPath(dataDir), 'utf8'));
    return typeof record?.url === 'string' && typeof record.port === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record whole (a reader never sees half of it). */
export function writeEmbeddedRedisRecord(dataDir: string, record: EmbeddedRedisRecord): void {
  const file = embeddedRedisRecordPath(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
