import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnqueueOptions, InvalidPayloadError } from '@jobq/queue-core';

/** The enqueue form's texts. */
export interface EnqueueFormValues {
  name: string;
  data: string;
  delay: string;
  priority: string;
  attempts: string;
}

/** What the form means, or the problems by field. */
export type ParsedEnqueue =
  | { ok: true; data: unknown; options: EnqueueOptions }
  | { ok: false; errors: Partial<Record<keyof EnqueueFormValues, string>> };

/** The form's texts from a posted body. */
export function enqueueValues(body: unknown): EnqueueFormValues {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  return {
    name: text('name').trim(),
    data: text('data'),
    delay: text('delay').trim(),
    priority: text('priority').trim(),
    attempts: text('attempts').trim(),
  };
}

/**
 * Parses the JSON payload and validates the options with the same declarations as the API's
 * `POST /q/:queue` query (so the same messages); the payload's shape and size are checked by
 * `JobService.enqueue`, as for the API.
 */
export function parseEnqueue(values: EnqueueFormValues): ParsedEnqueue {
  const errors: Partial<Record<keyof EnqueueFormValues, string>> = {};
  let data: unknown;
  try {
    data = JSON.parse(values.data);
  } catch (err) {
    errors.data = `the payload is not valid JSON: ${(err as Error).message}`;
  }
  const plain: Record<string, string> = {};
  for (const key of ['name', 'delay', 'priority', 'attempts'] as const)
    if (values[key] !== '') plain[key] = values[key];
  const options = plainToInstance(EnqueueOptions, plain);
  for (const problem of validateSync(options, { whitelist: true })) {
    const key = problem.property as keyof EnqueueFormValues;
    errors[key] ??= Object.values(problem.constraints ?? {})[0] ?? `${key} is invalid`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data, options };
}

/** Which field a refusal of `JobService.enqueue` belongs to. */
export function enqueueErrorField(err: unknown): keyof EnqueueFormValues | undefined {
  if (err instanceof InvalidPayloadError) return 'data';
  const code = (err as { code?: string }).code;
  if (code === 'PAYLOAD_TOO_LARGE') return 'data';
  if (code === 'INVALID_NAME') return 'name';
  return undefined;
}
