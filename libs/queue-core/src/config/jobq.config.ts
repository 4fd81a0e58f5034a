import { Transform } from 'class-transformer';
import type { ApiKey } from '../auth/api-key';
import { parseApiKeys } from '../auth/parse-api-keys';
import { parseRequestRate } from '../auth/request-rate';
import type { RequestRate } from '../auth/request-rate';
import { NAME_PATTERN } from '../names/queue-name';
import { IntField } from '../validation/fields';
import { parseClusterNodes } from './redis-cluster';
import type { ClusterNode } from './redis-cluster';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MinLength,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? ({ true: true, '1': true, false: false, '0': false }[value.toLowerCase()] ?? value)
    : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * The typed configuration of every jobq process, read once at boot from the environment and an
 * optional YAML file (`CONFIG_FILE`). Property names are the environment variable names.
 */
export class JobqConfig {
  /** Redis to use. Unset (and no cluster): `npm start` runs an embedded redis-server. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:port' })
  REDIS_URL?: string;

  /**
   * A Redis Cluster to use instead of one Redis: seed nodes `host:port,host:port` (the others are
   * discovered). Every connection then is a cluster client, and `QUEUE_PREFIX` must carry a hash tag.
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? parseClusterNodes(value) : value))
  @IsArray()
  REDIS_CLUSTER_NODES?: ClusterNode[];

  /** Key prefix for everything in Redis; a `{hash-tag}` on Redis Cluster. @defaultValue `jobq` */
  @IsString()
  @Matches(/^[A-Za-z0-9{}._-]{1,64}$/, {
    message: 'QUEUE_PREFIX must be 1-64 letters, digits, {}._- (use {tag} on Redis Cluster)',
  })
  QUEUE_PREFIX = 'jobq';

  /** @defaultValue `127.0.0.1` */
  @IsString()
  @MinLength(1)
  API_HOST = '127.0.0.1';

  /** @defaultValue `3000` */
  @Transform(toInt)
  @IntField(0, 65535, { range: true })
  API_PORT = 3000;

  /** @defaultValue `127.0.0.1` */
  @IsString()
  @MinLength(1)
  DASHBOARD_HOST = '127.0.0.1';

  /** @defaultValue `3001` */
  @Transform(toInt)
  @IntField(0, 65535, { range: true })
  DASHBOARD_PORT = 3001;

  /** Queues this worker process serves. Unset: every queue that has a handler. */
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @Matches(NAME_PATTERN, {
    each: true,
    message: 'WORKER_QUEUES must be a comma list of valid queue names',
  })
  WORKER_QUEUES?: string[];

  /** Per-process job concurrency. @defaultValue `10` */
  @Transform(toInt)
  @IntField(1, 10000, { range: true })
  WORKER_CONCURRENCY = 10;

  /** Grace period for active jobs on SIGTERM, in ms. @defaultValue `30000` */
  @Transform(toInt)
  @IntField(0, undefined, { range: true, unit: 'ms' })
  WORKER_GRACE_MS = 30000;

  /**
   * How long a worker's lock on a running job lasts (renewed at half of it while the job runs).
   * A worker that dies (SIGKILL) loses its locks after this; the stalled check then hands its jobs
   * to another worker. @defaultValue `30000`
   */
  @Transform(toInt)
  @IntField(200, undefined, { range: true, unit: 'ms' })
  WORKER_LOCK_MS = 30000;

  /** How often a worker looks for stalled jobs (lock expired) and puts them back to wait, in ms. @defaultValue `30000` */
  @Transform(toInt)
  @IntField(100, undefined, { range: true, unit: 'ms' })
  WORKER_STALLED_INTERVAL_MS = 30000;

  /** How often a worker process writes its fleet record; it shows as lost after 3 missed beats. @defaultValue `5000` */
  @Transform(toInt)
  @IntField(100, 5000, { range: true, unit: 'ms' })
  WORKER_HEARTBEAT_MS = 5000;

  /** Whether the worker hosts the `demo` example handlers. @defaultValue `true` */
  @Transform(toBool)
  @IsBoolean({ message: 'WORKER_EXAMPLES must be true or false' })
  WORKER_EXAMPLES = true;

  /**
   * The API keys, from `name:secret:role[:rate],…` (the secret in clear or as `sha256:<hex>`),
   * parsed at boot; only the secrets' digests are kept. Unset: no keys, the API serves loopback only.
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? parseApiKeys(value) : value))
  @IsArray()
  API_KEYS?: ApiKey[];

  /** Requests per API key, `100/s`, `6000/min`, `50000/h` (an entry's own rate wins). Unset: no limit. */
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? parseRequestRate(value, 'API_RATE_LIMIT') : value,
  )
  @IsObject()
  API_RATE_LIMIT?: RequestRate;

  /** `user:scrypt-hash:role,…` */
  @IsOptional()
  @IsString()
  DASHBOARD_USERS?: string;

  /** How long a dashboard login lasts, in seconds (then the user logs in again). @defaultValue `28800` (8 h) */
  @Transform(toInt)
  @IntField(60, 2_592_000, { range: true, unit: 's' })
  DASHBOARD_SESSION_TTL_S = 28_800;

  /**
   * Signs the dashboard's session cookie. Unset: one random secret is made on first boot and kept
   * in Redis, so every dashboard process on that Redis shares it.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'DASHBOARD_SESSION_SECRET must be at least 32 characters' })
  DASHBOARD_SESSION_SECRET?: string;

  /** pino level. @defaultValue `info` */
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Where `npm start` keeps the embedded Redis (`<DATA_DIR>/redis`, its URL in
   * `<DATA_DIR>/redis/embedded.json`, which an app with `REDIS_URL` unset reads); relative to the
   * working directory. @defaultValue `.data`
   */
  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  /**
   * `npm start` restarts an app that exits unasked (after 1 s, 2 s, 4 s… up to 30 s); once one
   * exits this many times within `START_EXIT_WINDOW_S`, it stops the stack and exits 1. @defaultValue `5`
   */
  @Transform(toInt)
  @IntField(1, undefined, { range: true })
  START_MAX_EXITS = 5;

  /** The window of `START_MAX_EXITS`, in seconds. @defaultValue `60` */
  @Transform(toInt)
  @IntField(1, undefined, { range: true, unit: 's' })
  START_EXIT_WINDOW_S = 60;

  /** How often the dashboard looks for queues created outside jobq (plain BullMQ), in ms. @defaultValue `15000` */
  @Transform(toInt)
  @IntField(100, undefined, { range: true, unit: 'ms' })
  DISCOVERY_INTERVAL_MS = 15000;
}
