import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InvalidPayloadError } from '../errors/invalid-payload.error';
import { EnqueueOptions } from './enqueue-options';

type Plain = Record<string, unknown>;

const ENVELOPE_KEYS = new Set(['name', 'data', 'opts']);

const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One item of a batch enqueue: `{name?, data, opts?}` (an object with an object `data` and no
 * keys besides those three), or else the payload itself.
 * @throws InvalidPayloadError naming the item and option that is wrong.
 */
export function batchItem(
  item: unknown,
  index: number,
): { data: unknown; options: EnqueueOptions } {
  const envelope =
    isObject(item) && isObject(item.data) && Object.keys(item).every((k) => ENVELOPE_KEYS.has(k));
  if (!envelope) return { data: item, options: {} };
  const what = `jobs[${index}]`;
  if (item.opts !== undefined && !isObject(item.opts)) {
    throw new InvalidPayloadError(`${what}.opts must be an object`, 'INVALID_OPTIONS');
  }
  const plain: Plain = { ...(item.opts ?? {}) };
  if (item.name !== undefined) plain.name = item.name;
  const options = plainToInstance(EnqueueOptions, plain);
  const problems = validateSync(options, { whitelist: true, forbidNonWhitelisted: true }).flatMap(
    (e) =>
      e.constraints?.whitelistValidation
        ? [
            `${what}.opts.${e.property} is not an option (use name, delay, delayed, priority, attempts)`,
          ]
        : Object.values(e.constraints ?? {}).map((m) => `${what}.opts.${m}`),
  );
  if (options.uniq !== undefined) {
    problems.push(
      `${what}.opts.uniq is not supported in a batch: enqueue such a job with POST /q/:queue?uniq=`,
    );
  }
  if (problems.length > 0) {
    throw new InvalidPayloadError(problems.join('; '), 'INVALID_OPTIONS', problems);
  }
  return { data: item.data, options };
}
