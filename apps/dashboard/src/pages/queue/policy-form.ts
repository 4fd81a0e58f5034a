import type { FieldProblem, PolicyPatch, QueuePolicy } from '@jobq/queue-core';

/** How a policy field is entered. */
export type PolicyInput =
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'int'; unit?: string }
  | { kind: 'int-or-none'; unit?: string; none: string };

/** One field of the policy form: its dotted path (as the API's error details name it), label and input. */
export interface PolicyField {
  path: string;
  label: string;
  input: PolicyInput;
  hint: string;
}

/** Every field of SPEC §3's policy, in the order the form shows them. */
export const POLICY_FIELDS: readonly PolicyField[] = [
  {
    path: 'state',
    label: 'State',
    input: { kind: 'select', options: ['open', 'stopped'] },
    hint: 'stopped: no worker gets a job; enqueue still works',
  },
  {
    path: 'attempts',
    label: 'Attempts',
    input: { kind: 'int' },
    hint: 'per job, the first one included (1-1000)',
  },
  {
    path: 'backoff.type',
    label: 'Backoff',
    input: { kind: 'select', options: ['exponential', 'fixed'] },
    hint: 'delay between attempts',
  },
  {
    path: 'backoff.delay_ms',
    label: 'Backoff delay',
    input: { kind: 'int', unit: 'ms' },
    hint: 'base delay (0-86400000)',
  },
  {
    path: 'concurrency',
    label: 'Global concurrency',
    input: { kind: 'int-or-none', none: 'no cap' },
    hint: 'jobs running at once across all workers; empty: no cap',
  },
  {
    path: 'rate_limit.max',
    label: 'Rate limit: jobs',
    input: { kind: 'int-or-none', none: 'no limit' },
    hint: 'jobs started per period across all workers; both empty: none',
  },
  {
    path: 'rate_limit.duration_ms',
    label: 'Rate limit: per',
    input: { kind: 'int-or-none', unit: 'ms', none: 'no limit' },
    hint: 'the period, in ms',
  },
  {
    path: 'timeout_ms',
    label: 'Timeout',
    input: { kind: 'int-or-none', unit: 'ms', none: 'no limit' },
    hint: 'a running job past it fails; empty: none',
  },
  {
    path: 'lease_ms',
    label: 'Lease (HTTP pull)',
    input: { kind: 'int', unit: 'ms' },
    hint: 'a pulled job not acknowledged in time goes back (500-86400000)',
  },
  {
    path: 'retention.completed.count',
    label: 'Keep completed: count',
    input: { kind: 'int' },
    hint: 'how many completed jobs are kept',
  },
  {
    path: 'retention.completed.age_s',
    label: 'Keep completed: age',
    input: { kind: 'int', unit: 's' },
    hint: 'none older than this',
  },
  {
    path: 'retention.failed.count',
    label: 'Keep failed: count',
    input: { kind: 'int' },
    hint: 'how many failed jobs are kept',
  },
  {
    path: 'retention.failed.age_s',
    label: 'Keep failed: age',
    input: { kind: 'int', unit: 's' },
    hint: 'none older than this',
  },
  {
    path: 'default_priority',
    label: 'Default priority',
    input: { kind: 'int' },
    hint: '0: none (FIFO); 1 is the highest',
  },
  {
    path: 'max_payload_bytes',
    label: 'Payload cap',
    input: { kind: 'int', unit: 'bytes' },
    hint: 'largest payload accepted (16-1048576)',
  },
];

/** What the form holds: each field's text by path. */
export type PolicyFormValues = Record<string, string>;

/** A policy as the form's texts. */
export function policyValues(policy: QueuePolicy): PolicyFormValues {
  const values: PolicyFormValues = {};
  for (const field of POLICY_FIELDS) {
    const value = field.path
      .split('.')
      .reduce<unknown>(
        (v, key) => (v === null || v === undefined ? v : (v as Record<string, unknown>)[key]),
        policy,
      );
    values[field.path] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** The form's texts from a posted body (missing fields are empty). */
export function formValues(body: unknown): PolicyFormValues {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const values: PolicyFormValues = {};
  for (const field of POLICY_FIELDS) {
    const value = raw[field.path];
    values[field.path] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/**
 * The policy patch the form's texts mean: integers as numbers (anything else left as text, for the
 * policy's own validation to name), empty optional fields as `null`, both rate-limit fields empty
 * as no rate limit. Validation is {@link PolicyStore.update}'s, the API's.
 */
export function toPolicyPatch(values: PolicyFormValues): PolicyPatch {
  const patch: Record<string, unknown> = {};
  for (const field of POLICY_FIELDS) {
    if (field.path.startsWith('rate_limit.')) continue;
    set(patch, field.path, parse(values[field.path] ?? '', field.input));
  }
  const max = values['rate_limit.max'] ?? '';
  const per = values['rate_limit.duration_ms'] ?? '';
  patch.rate_limit =
    max === '' && per === ''
      ? null
      : { max: parse(max, { kind: 'int' }), duration_ms: parse(per, { kind: 'int' }) };
  return patch as PolicyPatch;
}

function parse(text: string, input: PolicyInput): unknown {
  if (input.kind === 'select') return text;
  if (text === '') return input.kind === 'int-or-none' ? null : text;
  return /^-?\d{1,16}$/.test(text) ? Number(text) : text;
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/**
 * The refusal's messages by form field: a problem of a nested field goes to that field; one of a
 * whole object (`rate_limit`) to its first field.
 */
export function errorsByField(problems: FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, problems: messages } of problems) {
    const target = POLICY_FIELDS.find((f) => f.path === field || f.path.startsWith(`${field}.`));
    const path = target?.path ?? POLICY_FIELDS[0].path;
    errors[path] ??= messages[0] ?? `${field} is invalid`;
  }
  return errors;
}
