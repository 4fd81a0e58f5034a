import { ConfigError } from '../errors/config.error';

/** A request rate: at most `max` requests per `windowMs`. */
export interface RequestRate {
  max: number;
  windowMs: number;
  /** As configured (`100/s`), for messages and documents. */
  text: string;
}

const UNITS: Record<string, number> = { s: 1000, min: 60_000, h: 3_600_000 };
const RATE = /^(\d{1,9})\/(s|min|h)$/;

/**
 * Reads a rate such as `100/s`, `6000/min` or `50000/h`.
 * @param where - what to name in the error (`API_RATE_LIMIT`, `API_KEYS entry 2`).
 * @throws ConfigError naming `key` when `text` is not of that form.
 */
export function parseRequestRate(text: string, key: string, where = key): RequestRate {
  const match = RATE.exec(text.trim());
  const max = match ? Number(match[1]) : 0;
  if (!match || max < 1) {
    throw new ConfigError(
      key,
      `${where}: a rate must be <requests>/<s|min|h> with at least 1 request, like 100/s or 6000/min`,
    );
  }
  return { max, windowMs: UNITS[match[2]], text: `${max}/${match[2]}` };
}
