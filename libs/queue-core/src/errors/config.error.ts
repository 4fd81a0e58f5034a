/** A configuration value that cannot be used; the message names the key. Stops the process at boot. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`configuration ${key}: ${message}`);
    this.name = 'ConfigError';
  }
}
