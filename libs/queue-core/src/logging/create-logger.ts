import pino, { Logger } from 'pino';

/**
 * The one pino logger of a process. `app` lands in every line as `app`, so logs of api, worker
 * and dashboard can be told apart when merged. Secrets are redacted wherever they may appear.
 */
export function createLogger(app: string, level: string): Logger {
  return pino({
    level,
    base: { app, pid: process.pid },
    redact: {
      paths: [
        '*.authorization',
        '*.password',
        '*.secret',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
