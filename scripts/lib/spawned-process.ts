import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { waitUntil } from './wait-until';

/** The compiled build (`npm run build`), wherever this file runs from (source under jest, or dist). */
const DIST = resolve(__dirname, '..', '..', ...(__dirname.includes('/dist/') ? [] : ['dist']));

/** An app (or script) running as its own process from the compiled build (`npm run build`). */
export class SpawnedProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly child: ChildProcess) {
    const collect = (chunk: Buffer) =>
      this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Waits until a line of output matches `pattern`; returns it. */
  waitForLine(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return waitUntil(() => this.lines.find((l) => pattern.test(l)), `output matching ${pattern}`, {
      timeoutMs,
    });
  }

  /** Sends `signal` and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Runs `dist/<path>` (compiled by `npm run build`, which `npm test` runs first) with `env`. */
export function spawnDist(path: string, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, [resolve(DIST, path)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new SpawnedProcess(child);
}
