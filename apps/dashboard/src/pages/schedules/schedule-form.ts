import type { FieldProblem, ScheduleView } from '@jobq/queue-core';

/** The schedule form's texts, by field name. */
export interface ScheduleFormValues {
  queue: string;
  id: string;
  /** `cron` or `every`: which of the two the schedule uses. */
  kind: string;
  cron: string;
  tz: string;
  every_ms: string;
  name: string;
  data: string;
  priority: string;
  attempts: string;
  start_at: string;
  end_at: string;
  limit: string;
}

/** The form's fields in the order it shows them. */
export const SCHEDULE_FIELDS = [
  'queue',
  'id',
  'kind',
  'cron',
  'tz',
  'every_ms',
  'name',
  'data',
  'priority',
  'attempts',
  'start_at',
  'end_at',
  'limit',
] as const satisfies readonly (keyof ScheduleFormValues)[];

/** A new schedule's form: a cron schedule on `queue`, in UTC. */
export function newScheduleValues(queue = ''): ScheduleFormValues {
  return {
    queue,
    id: '',
    kind: 'cron',
    cron: '',
    tz: 'UTC',
    every_ms: '',
    name: '',
    data: '{}',
    priority: '',
    attempts: '',
    start_at: '',
    end_at: '',
    limit: '',
  };
}

/** An existing schedule as the form's texts. */
export function scheduleValues(view: ScheduleView): ScheduleFormValues {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    queue: view.queue,
    id: view.id,
    kind: view.cron !== null ? 'cron' : 'every',
    cron: text(view.cron),
    tz: text(view.tz),
    every_ms: text(view.every_ms),
    name: view.name,
    data: JSON.stringify(view.data, null, 2),
    priority: text(view.opts.priority),
    attempts: text(view.opts.attempts),
    start_at: text(view.start_at),
    end_at: text(view.end_at),
    limit: text(view.limit),
  };
}

/** The form's texts from a posted body (missing fields empty). */
export function postedScheduleValues(body: unknown): ScheduleFormValues {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const values = newScheduleValues();
  for (const field of SCHEDULE_FIELDS) {
    const value = raw[field];
    values[field] = typeof value === 'string' ? (field === 'data' ? value : value.trim()) : '';
  }
  return values;
}

/** What the form means: the schedule body the API's `PUT /schedules/:queue/:id` would take, or a JSON problem. */
export function toScheduleBody(
  values: ScheduleFormValues,
):
  { ok: true; body: Record<string, unknown> } | { ok: false; errors: Partial<ScheduleFormValues> } {
  let data: unknown;
  try {
    data = JSON.parse(values.data.trim() === '' ? '{}' : values.data);
  } catch (err) {
    return { ok: false, errors: { data: `data is not valid JSON: ${(err as Error).message}` } };
  }
  const body: Record<string, unknown> = { data };
  const put = (key: string, text: string, number = false) => {
    if (text !== '') body[key] = number && /^-?\d{1,16}$/.test(text) ? Number(text) : text;
  };
  if (values.kind === 'every') put('every_ms', values.every_ms, true);
  else {
    put('cron', values.cron);
    put('tz', values.tz);
  }
  put('name', values.name);
  put('start_at', values.start_at);
  put('end_at', values.end_at);
  put('limit', values.limit, true);
  const opts: Record<string, unknown> = {};
  if (values.priority !== '')
    opts.priority = /^\d{1,16}$/.test(values.priority) ? Number(values.priority) : values.priority;
  if (values.attempts !== '')
    opts.attempts = /^\d{1,16}$/.test(values.attempts) ? Number(values.attempts) : values.attempts;
  if (Object.keys(opts).length > 0) body.opts = opts;
  return { ok: true, body };
}

/** The refusal's messages by form field (`opts.priority` shows at Priority, a missing cron at Cron). */
export function scheduleErrorsByField(problems: FieldProblem[]): Partial<ScheduleFormValues> {
  const errors: Partial<ScheduleFormValues> = {};
  for (const { field, problems: messages } of problems) {
    const name = (
      field.startsWith('opts.') ? field.slice('opts.'.length) : field
    ) as keyof ScheduleFormValues;
    const target = SCHEDULE_FIELDS.includes(name) ? name : 'cron';
    errors[target] ??= messages[0] ?? `${field} is invalid`;
  }
  return errors;
}
