import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A program the stack or the tests need, and the Debian package that brings it. */
export interface DebianProgram {
  /** The Debian package to install, e.g. `redis-server`. */
  package: string;
  /** Environment variable naming the binary to use instead, e.g. `REDIS_SERVER_BIN`. */
  override: string;
  /** Where the Debian package puts the binary, e.g. `/usr/bin/redis-server`. */
  debianPath: string;
  /** Also look the binary up on `PATH` by its file name (redis-server yes, chromium no). */
  onPath?: boolean;
  /** How to install it elsewhere, shown beside the apt-get command (`macOS: brew install redis`). */
  elsewhere?: string;
}

let aptUpdated = false;

/**
 * The binary of `program`: the one its override variable names, else the one on `PATH` (with
 * `onPath`) or at its Debian path. When it is missing, a root shell with apt-get installs the
 * package (`apt-get update` once per process) and uses what it brought (the override if it now
 * exists, else the Debian path); anywhere else this throws with the exact install command.
 */
export function ensureDebianProgram(program: DebianProgram): string {
  const override = process.env[program.override];
  const fileName = program.debianPath.split('/').pop() ?? program.package;
  const wanted = override || (program.onPath ? fileName : program.debianPath);
  if (runnable(wanted)) return wanted;
  const command = `apt-get install -y ${program.package}`;
  const root = process.getuid?.() === 0;
  const how = `${root ? command : `sudo ${command}`}${program.elsewhere ? `   (${program.elsewhere})` : ''}`;
  if (!root || spawnSync('apt-get', ['--version']).status !== 0)
    throw new Error(
      `${wanted} not found. Install it with: ${how}   (or set ${program.override} to the binary)`,
    );
  process.stderr.write(
    `jobq: ${wanted} not found; installing the Debian package ${program.package}\n`,
  );
  if (!aptUpdated) aptGet(['update'], how);
  aptUpdated = true;
  aptGet(['install', '-y', '--no-install-recommends', program.package], how);
  const installed = [wanted, program.debianPath].find(runnable);
  if (!installed) throw new Error(`${wanted} still not found after installing ${program.package}`);
  if (installed !== wanted) process.stderr.write(`jobq: using ${installed}\n`);
  return installed;
}

/** A path that exists, or a bare name that runs from `PATH`. */
function runnable(bin: string): boolean {
  return bin.includes('/') ? existsSync(bin) : spawnSync(bin, ['--version']).status === 0;
}

function aptGet(args: string[], how: string): void {
  const run = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0)
    throw new Error(`apt-get ${args.join(' ')} failed; install it yourself: ${how}`);
}
