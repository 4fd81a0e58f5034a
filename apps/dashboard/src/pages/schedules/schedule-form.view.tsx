import { FormField, type FieldInput } from '../../components/form-field';
import { NOT_SAVED, Notice } from '../../components/notice';
import { PATHS } from '../../routes';
import type { ScheduleFormValues } from './schedule-form';

interface ScheduleFormProps {
  values: ScheduleFormValues;
  errors?: Partial<ScheduleFormValues>;
  /** Editing an existing schedule: its queue and id are fixed. */
  existing?: boolean;
}

type Row = [keyof ScheduleFormValues, string, string, FieldInput?];

const TEXT: FieldInput = { kind: 'text' };
const NUMBER: FieldInput = { kind: 'text', numeric: true };

const ROWS: Row[] = [
  [
    'kind',
    'Runs',
    'by a cron expression, or every N milliseconds',
    { kind: 'select', options: ['cron', 'every'] },
  ],
  [
    'cron',
    'Cron expression',
    '5 fields: minute hour day-of-month month day-of-week, like 0 9 * * 1-5',
    { kind: 'text', placeholder: '*/5 * * * *' },
  ],
  [
    'tz',
    'Time zone',
    'the IANA zone the cron expression is read in, like Europe/Paris',
    { kind: 'text', placeholder: 'UTC' },
  ],
  ['every_ms', 'Every (ms)', 'the interval, at least 1000', NUMBER],
  [
    'name',
    'Job name',
    'the handler the jobs go to; empty: default',
    { kind: 'text', placeholder: 'default' },
  ],
  ['priority', 'Priority', '1 is the highest; empty: the policy default', NUMBER],
  ['attempts', 'Attempts', 'empty: the policy default', NUMBER],
  ['start_at', 'Start at', 'ISO 8601, like 2027-01-01T09:00:00Z; empty: now', TEXT],
  ['end_at', 'End at', 'ISO 8601; empty: never', TEXT],
  ['limit', 'At most', 'jobs in all; empty: no limit', NUMBER],
];

/**
 * A schedule's form (admins): new or existing, cron or interval, the job it produces; saved through
 * the same `ScheduleService.upsert` as the API's PUT, so its refusals show at their fields.
 */
export function ScheduleForm({ values, errors = {}, existing }: ScheduleFormProps): JSX.Element {
  const failed = Object.keys(errors).length > 0;
  const field = ([name, label, hint, input = TEXT]: Row) => (
    <FormField
      id={`schedule-${name.replace('_', '-')}`}
      name={name}
      label={label}
      hint={hint}
      value={values[name]}
      error={errors[name]}
      input={input}
    />
  );
  return (
    <form
      id="schedule-form"
      class="schedule-form"
      aria-labelledby="schedule-form-title"
      hx-post={PATHS.scheduleSave}
      hx-target="this"
      hx-swap="outerHTML"
      method="post"
      action={PATHS.scheduleSave}
      novalidate
    >
      <h2 id="schedule-form-title">{existing ? 'Edit the schedule' : 'Add a schedule'}</h2>
      {existing ? (
        <>
          <input type="hidden" name="existing" value="1" />
          <input type="hidden" name="queue" value={values.queue} />
          <input type="hidden" name="id" value={values.id} />
        </>
      ) : (
        <div class="fields">
          {field(['queue', 'Queue', 'the queue its jobs go to'])}
          {field(['id', 'Id', 'the schedule’s name on its queue, like nightly-report'])}
        </div>
      )}
      <div class="fields">{ROWS.map(field)}</div>
      <FormField
        id="schedule-data"
        name="data"
        label="Payload (a JSON object)"
        hint="every job's data"
        value={values.data}
        error={errors.data}
        input={{ kind: 'json', rows: 4 }}
        wide
      />
      <div class="toolbar">
        <button type="submit">Save schedule</button>
        {failed ? <Notice text={NOT_SAVED} tone="error" role="alert" /> : ''}
      </div>
    </form>
  );
}
