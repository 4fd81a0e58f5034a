import type { Logger } from 'pino';

/**
 * Under `npm start` an app has an IPC channel to the launcher. When it closes — the launcher is
 * gone, even killed outright (SIGKILL) — the app stops as on SIGTERM (a worker drains) instead of
 * running on as an orphan. Does nothing in an app started on its own.
 */
export function stopWithLauncher(logger: Logger): void {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => {
    logger.warn('the npm start launcher is gone: stopping');
    process.kill(process.pid, 'SIGTERM');
  });
}
