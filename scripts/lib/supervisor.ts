import { ChildProcess, spawn } from 'node:child_process';
import type { Logger } from 'pino';

/** An app the {@link Supervisor} runs: `node <script>` with `env`. */
export interface SupervisedApp {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
}

/** Options of a {@link Supervisor}. */
export interface SupervisorOptions {
  /** An app that exits this many times within `windowMs` is given up on. */
  maxExits: number;
  windowMs: number;
  /** On stop, how long an app may take after SIGTERM before it gets SIGKILL. */
  graceMs: number;
  logger: Logger;
  /** Called once when an app is given up on. */
  onGiveUp(app: string): void;
}

/** The first restart waits this long, each next one twice as long, up to {@link MAX_BACKOFF_MS}. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs apps as child processes and keeps them running: an app that exits unasked is restarted
 * after a backoff (1 s, 2 s, 4 s… capped at 30 s, counted over the exits within the window), each
 * restart logged; one that exits `maxExits` times within the window is given up on. Every app gets
 * an IPC channel, so it stops by itself when the supervisor's process dies (`stopWithLauncher`).
 */
export class Supervisor {
  private readonly running = new Map<string, ChildProcess>();
  private readonly exits = new Map<string, number[]>();
  private readonly pending = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts `app`; from now on it is restarted whenever it exits unasked. */
  start(app: SupervisedApp): void {
    const child = spawn(process.execPath, [app.script], {
      env: app.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    this.running.set(app.name, child);
    child.once('exit', (code, signal) => this.exited(app, child, code, signal));
    this.options.logger.info({ child: app.name, child_pid: child.pid }, 'app started');
  }

  /** SIGTERM to every app (a worker drains), SIGKILL past the grace period; resolves once all exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.pending) clearTimeout(timer);
    await Promise.all([...this.running.values()].map((child) => this.terminate(child)));
  }

  /** SIGKILL to every app still running: for when the supervisor's process exits abruptly. */
  killAll(): void {
    for (const child of this.running.values()) child.kill('SIGKILL');
  }

  private exited(
    app: SupervisedApp,
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (this.running.get(app.name) === child) this.running.delete(app.name);
    if (this.stopping) return;
    const now = Date.now();
    const recent = [...(this.exits.get(app.name) ?? []), now].filter(
      (at) => now - at < this.options.windowMs,
    );
    this.exits.set(app.name, recent);
    const { logger, maxExits, windowMs } = this.options;
    const exit = { child: app.name, child_pid: child.pid, code, signal, exits: recent.length };
    if (recent.length >= maxExits) {
      logger.error({ ...exit, window_s: windowMs / 1000 }, 'app keeps exiting: giving up');
      this.options.onGiveUp(app.name);
      return;
    }
    const delay = Math.min(FIRST_BACKOFF_MS * 2 ** (recent.length - 1), MAX_BACKOFF_MS);
    logger.warn({ ...exit, restart_in_ms: delay }, 'app exited unasked: restarting it');
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      if (!this.stopping) this.start(app);
    }, delay);
    this.pending.add(timer);
  }

  private terminate(child: ChildProcess): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
  }
}
