import type { Logger } from 'pino';

/**
 * Waits for an app's boot; if it fails, logs the reason (`<app> failed to start`, with the error)
 * and on stderr, then exits 1 — a boot failure is a logged exit, never an unhandled rejection.
 */
export function exitOnBootFailure(logger: Logger, app: string, boot: Promise<unknown>): void {
  boot.catch((err: Error) => {
    logger.fatal({ err }, `${app} failed to start`);
    process.stderr.write(`jobq: ${app} failed to start: ${err.message}\n`);
    process.exit(1);
  });
}
