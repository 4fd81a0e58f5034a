import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';

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
}

/** The install command named when redis-server is missing and cannot be installed here. */
export const REDIS_INSTALL_HINT =
  'sudo apt-get install -y redis-server   (macOS: brew install redis)';

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

  /** Resolves the binary to use, or undefined if none is installed. */
  static findBinary(bin = process.env.REDIS_SERVER_BIN || 'redis-server'): string | undefined {
    const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    return probe.status === 0 ? bin : undefined;
  }

  /**
   * Returns the redis-server binary, installing Debian's `redis-server` package first when it is
   * missing and this is a root shell with apt-get. Otherwise throws, naming the install command.
   */
  static ensureInstalled(): string {
    const found = EmbeddedRedis.findBinary();
    if (found) return found;
    const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
    if (!canApt)
      throw new Error(
        `redis-server is not installed. Install it with: ${REDIS_INSTALL_HINT} (or set REDIS_URL)`,
      );
    process.stderr.write(
      'jobq: redis-server missing, installing the Debian package redis-server\n',
    );
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
      const run = spawnSync('apt-get', args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (run.status !== 0)
        throw new Error(`apt-get ${args.join(' ')} failed; install redis-server yourself`);
    }
    const installed = EmbeddedRedis.findBinary();
    if (!installed) throw new Error('redis-server still not found after installing it');
    return installed;
  }

  /** Starts redis-server and resolves once it answers PING. */
  static async start(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
    const bin = options.bin ?? EmbeddedRedis.ensureInstalled();
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
    ];
    // Own process group: a terminal Ctrl-C reaches the owner, which stops Redis last.
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
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

  /** Stops the server (SIGTERM: it flushes the AOF) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A TCP port on 127.0.0.1 free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
