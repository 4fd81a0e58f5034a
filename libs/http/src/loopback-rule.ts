import { isIP } from 'node:net';
import { ConfigError } from '@jobq/queue-core';
import type { Logger } from 'pino';

/** Who may call an HTTP app: the variable that configures it, and whether it is set. */
export interface AccessConfig {
  /** `API_KEYS` or `DASHBOARD_USERS`. */
  variable: string;
  /** The host variable (`API_HOST`, `DASHBOARD_HOST`), for the message. */
  hostVariable: string;
  configured: boolean;
}

/** Whether `host` is a loopback address (only this machine can reach it). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '::ffff:127.0.0.1';
}

/**
 * SPEC §8's loopback rule: an app with nobody configured to call it (no API keys, no dashboard
 * users) serves this machine only, and says so at start; told to listen beyond loopback that way,
 * it refuses to start.
 * @throws ConfigError naming what to set.
 */
export function applyLoopbackRule(host: string, access: AccessConfig, logger: Logger): void {
  if (access.configured) return;
  if (!isLoopback(host)) {
    throw new ConfigError(
      access.hostVariable,
      `${access.hostVariable}=${host} listens beyond this machine, but ${access.variable} is not set, so anyone who can reach it could do anything: set ${access.variable} (README "Security") or listen on 127.0.0.1`,
    );
  }
  logger.warn(
    { host, [access.variable]: 'unset' },
    `${access.variable} is not set: every route is open to this machine, so listening on loopback only`,
  );
}
