import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HELPER = resolve(__dirname, '..', '..', 'dist', 'scripts', 'lib', 'debian-program.js');

/**
 * Runs `ensureDebianProgram` for two programs hidden behind missing override paths, in a process
 * whose PATH holds only `bin` (so apt-get is there only if the test puts a fake one in it).
 */
function ensureBoth(bin: string, env: Record<string, string>) {
  const script = `
    const { ensureDebianProgram } = require(${JSON.stringify(HELPER)});
    for (const name of ['one', 'two'])
      console.log(ensureDebianProgram({ package: 'pkg-' + name, override: 'BIN_' + name.toUpperCase(), debianPath: '/nonexistent/' + name }));`;
  return spawnSync(process.execPath, ['-e', script], {
    env: { PATH: bin, ...env },
    encoding: 'utf8',
  });
}

describe('the test set-up and npm start install a missing Debian program, or name the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobq-debian-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { BIN_ONE: join(dir, 'one'), BIN_TWO: join(dir, 'two') };

  it('without apt-get it stops with the exact install command', () => {
    const run = ensureBoth(join(dir, 'empty'), env);
    expect(run.status).not.toBe(0);
    const command = process.getuid?.() === 0 ? 'apt-get' : 'sudo apt-get';
    expect(run.stderr).toContain(
      `${env.BIN_ONE} not found. Install it with: ${command} install -y pkg-one   (or set BIN_ONE to the binary)`,
    );
  });

  (process.getuid?.() === 0 ? it : it.skip)(
    'as root with apt-get it updates once and installs each package',
    () => {
      const bin = join(dir, 'bin');
      const log = join(dir, 'apt.log');
      mkdirSync(bin);
      writeFileSync(
        join(bin, 'apt-get'),
        `#!/bin/sh\necho "$*" >> ${log}\ncase "$*" in *pkg-one) : > ${env.BIN_ONE};; *pkg-two) : > ${env.BIN_TWO};; esac\n`,
      );
      chmodSync(join(bin, 'apt-get'), 0o755);

      const run = ensureBoth(bin, env);
      expect(run.status).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual([env.BIN_ONE, env.BIN_TWO]);
      expect(run.stderr).toContain(
        `${env.BIN_ONE} not found; installing the Debian package pkg-one`,
      );
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
        '--version',
        'update',
        'install -y --no-install-recommends pkg-one',
        '--version',
        'install -y --no-install-recommends pkg-two',
      ]);
    },
  );
});
