import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'yaml';
import { ConfigError } from '../errors/config.error';
import { JobqConfig } from './jobq.config';
import { hasHashTag } from './redis-cluster';

/** Keys whose values hold secrets (a Redis URL may carry a password): a message about them never quotes the value. */
const SECRET_KEYS = new Set([
  'API_KEYS',
  'DASHBOARD_USERS',
  'REDIS_URL',
  'DASHBOARD_SESSION_SECRET',
]);

/**
 * Reads the environment, then the YAML file named by `CONFIG_FILE` (its keys are the variable
 * names, e.g. `API_PORT: 4000`, and win over the environment), and validates the result.
 * Throws {@link ConfigError} naming the first bad key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): JobqConfig {
  const known = Object.keys(new JobqConfig()).concat([
    'REDIS_URL',
    'REDIS_CLUSTER_NODES',
    'WORKER_QUEUES',
    'API_KEYS',
    'API_RATE_LIMIT',
    'DASHBOARD_USERS',
    'DASHBOARD_SESSION_SECRET',
  ]);
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  if (env.CONFIG_FILE) Object.assign(raw, readYaml(env.CONFIG_FILE, new Set(known)));

  const config = plainToInstance(JobqConfig, raw);
  const [first] = validateSync(config, { forbidUnknownValues: true });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? 'invalid value';
    const got = SECRET_KEYS.has(first.property) ? '' : ` (got ${JSON.stringify(first.value)})`;
    throw new ConfigError(first.property, `${message}${got}`);
  }
  checkCluster(config);
  return config;
}

/**
 * A cluster is named by its nodes instead of a URL, and its prefix carries a hash tag: BullMQ's
 * scripts and jobq's transactions touch several keys at once, which a cluster allows in one slot only.
 */
function checkCluster(config: JobqConfig): void {
  if (!config.REDIS_CLUSTER_NODES) return;
  if (config.REDIS_URL) {
    throw new ConfigError(
      'REDIS_CLUSTER_NODES',
      'set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both',
    );
  }
  const prefix = config.QUEUE_PREFIX;
  if (!hasHashTag(prefix)) {
    throw new ConfigError(
      'QUEUE_PREFIX',
      `on a Redis Cluster the prefix must carry a hash tag, so that all of jobq's keys share one slot: set QUEUE_PREFIX={${prefix.replace(/[{}]/g, '')}} (got ${JSON.stringify(prefix)})`,
    );
  }
}

function readYaml(file: string, known: Set<string>): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError('CONFIG_FILE', `cannot read ${file}: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError('CONFIG_FILE', `${file} must be a YAML mapping of KEY: value`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const name = key.toUpperCase();
    if (!known.has(name)) throw new ConfigError(key, `unknown key in ${file}`);
    out[name] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object'
        ? value
        : String(value);
  }
  return out;
}

/** {@link loadConfig}, but a bad value prints the message naming the key and exits 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): JobqConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`jobq: ${err.message}\n`);
    process.exit(1);
  }
}
