import { execSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-redis';
import { SpawnedProcess, spawnDist } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';

/** A stack started by `npm start` (or its launcher directly) on its own data directory and ports. */
export interface Stack {
  process: SpawnedProcess;
  api: string;
  dataDir: string;
  env: Record<string, string>;
}

/** Environment for a stack of its own: the embedded Redis (REDIS_URL unset), free ports, `dataDir`. */
export async function stackEnv(
  dataDir = mkdtempSync(join(tmpdir(), 'jobq-start-')),
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    REDIS_URL: '',
    API_PORT: String(await freePort()),
    DASHBOARD_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...overrides,
  };
}

/** Every stack and npm process a test started, for {@link stopStacks}. */
const started = new Set<SpawnedProcess>();

/** SIGTERM to every stack or npm process a test started that still runs; resolves once they exited. Use in `afterEach`. */
export async function stopStacks(): Promise<void> {
  await Promise.all([...started].map((process) => process.stop('SIGTERM')));
  started.clear();
}

/** Runs `node dist/scripts/start.js` (`via: 'npm'`: `npm start` without its build step) and waits until it is up. */
export async function startStack(
  env: Record<string, string>,
  via: 'launcher' | 'npm' = 'launcher',
): Promise<Stack> {
  const stack =
    via === 'npm'
      ? spawnNpm(['start', '--ignore-scripts'], env)
      : track(spawnDist('scripts/start.js', env));
  await stack.waitForLine(/jobq is up/, 60_000);
  return { process: stack, api: `http://127.0.0.1:${env.API_PORT}`, dataDir: env.DATA_DIR, env };
}

/** Runs `npm <args>` in the repository with `env`, as a user would. */
export function spawnNpm(args: string[], env: Record<string, string>): SpawnedProcess {
  return track(
    new SpawnedProcess(
      spawn('npm', args, {
        cwd: resolve(__dirname, '..', '..'),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ),
  );
}

function track(process: SpawnedProcess): SpawnedProcess {
  started.add(process);
  return process;
}

/** The JSON log lines of the launcher (`"app":"start"`). */
export function launcherLines(stack: Stack): Record<string, unknown>[] {
  return stack.process.lines
    .filter((line) => line.startsWith('{"') && line.includes('"app":"start"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The pid of the latest `app started` of `app`, once it is another than `not`. */
export function appPid(stack: Stack, app: string, not?: number): Promise<number> {
  return waitUntil<number | undefined>(
    () => {
      const started = launcherLines(stack).filter(
        (line) => line.msg === 'app started' && line.child === app,
      );
      const pid = started.at(-1)?.child_pid as number | undefined;
      return pid !== not ? pid : undefined;
    },
    `${app} started${not ? ` again (not ${not})` : ''}`,
    { timeoutMs: 30_000 },
  );
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process under `pid` (the launcher, redis-server, the apps). */
export function descendants(pid: number): number[] {
  const rows = execSync('ps -eo pid=,ppid=')
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}
