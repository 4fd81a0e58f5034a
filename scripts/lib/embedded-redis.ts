import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { DebianProgram, ensureDebianProgram } from './debian-program';

/** Options of {@link EmbeddedRedis.start}. */
export interface EmbeddedRedisOptions {
  /** Folder for AOF and RDB files; created if missing. */
  dataDir: string;
  /** redis-server binary. @defaultValue `$REDIS_SERVER_BIN` or `redis-server` from PATH */
  bin?: string;
  /** Persist with AOF (`appendfsync everysec`). @defaultValue true */
  appendOnly?: boolean;
  /** Port to bind; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** Further redis-server options, e.g. `['--cluster-enabled', 'yes']`. */
  args?: string[];
}

/** Debian's redis-server, installed by {@link ensureDebianProgram} where it is missing. */
export const REDIS_SERVER: DebianProgram = {
  package: 'redis-server',
  override: 'REDIS_SERVER_BIN',
  debianPath: '/usr/bin/redis-server',
  onPath: true,
  elsewhere: 'macOS: brew install redis',
};

/**
 * A private redis-server child bound to 127.0.0.1 on a free port, with `noeviction` (BullMQ must
 * never lose keys). Used by `npm start` when `REDIS_URL` is unset, and by the test harness.
 */
export class EmbeddedRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** `redis://127.0.0.1:<port>` */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the server is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Calls `listener` when the server exits, asked to or not. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.child.once('exit', listener);
  }

  /** Starts redis-server and resolves once it answers PING. */
  static async start(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
    const bin = options.bin ?? ensureDebianProgram(REDIS_SERVER);
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    const port = options.port || (await freePort());
    const aof = options.appendOnly ?? true;
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      aof ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      '--logfile',
      '',
      ...(options.args ?? []),
    ];
    // Own process group: a terminal Ctrl-C reaches the owner, which stops Redis last. Where
    // util-linux's setpriv is there, Redis also gets SIGTERM the moment its owner dies (SIGKILL).
    const [cmd, ...argv] = [...(canSetPdeathsig() ? SETPRIV : []), bin, ...args];
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    const redis = new EmbeddedRedis(child, port);
    await redis.waitUntilUp(child);
    return redis;
  }

  private async waitUntilUp(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 15_000;
    let exited: number | null = null;
    child.once('exit', (code) => (exited = code ?? -1));
    while (Date.now() < deadline) {
      if (exited !== null) throw new Error(`redis-server exited with code ${exited} at start`);
      const client = new Redis(this.url, {
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        client.disconnect();
      }
    }
    throw new Error('redis-server did not answer within 15 s');
  }

  /** Stops the server (SIGTERM: it flushes the AOF; SIGKILL: a crash) and waits for it to exit. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const SETPRIV = ['setpriv', '--pdeathsig', 'SIGTERM', '--'];
let setprivWorks: boolean | undefined;

function canSetPdeathsig(): boolean {
  setprivWorks ??= spawnSync('setpriv', ['--pdeathsig', 'SIGTERM', '--', 'true']).status === 0;
  return setprivWorks;
}

/** A TCP port on 127.0.0.1 free right now. */
export async function freePort(): Promise<number> {
  const port = await bindOnce(0);
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}

/** Whether `port` on 127.0.0.1 is free right now. */
export async function portIsFree(port: number): Promise<boolean> {
  return (await bindOnce(port)) !== undefined;
}

/** Binds `port` (0: any) on 127.0.0.1 and lets it go; the port bound, or undefined if it was taken. */
function bindOnce(port: number): Promise<number | undefined> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolvePort(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolvePort(typeof address === 'object' && address ? address.port : undefined),
      );
    });
  });
}
