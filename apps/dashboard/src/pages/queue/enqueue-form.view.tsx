import { FormField } from '../../components/form-field';
import { num } from '../../components/format';
import { href, PATHS } from '../../routes';
import type { EnqueueFormValues } from './enqueue-form';

interface EnqueueFormProps {
  queue: string;
  maxBytes: number;
  values?: EnqueueFormValues;
  errors?: Partial<Record<keyof EnqueueFormValues, string>>;
  /** The job just enqueued. */
  enqueued?: { id: string; state: string };
}

const EMPTY: EnqueueFormValues = {
  name: '',
  data: '{\n  \n}',
  delay: '',
  priority: '',
  attempts: '',
};

/** Enqueue a job from the page: a JSON editor that knows the queue's payload cap, and the job options. */
export function EnqueueForm({
  queue,
  maxBytes,
  values = EMPTY,
  errors = {},
  enqueued,
}: EnqueueFormProps): JSX.Element {
  const field = (
    key: keyof EnqueueFormValues,
    label: string,
    hint: string,
    placeholder?: string,
  ) => (
    <FormField
      id={`enqueue-${key}`}
      name={key}
      label={label}
      hint={hint}
      value={values[key]}
      error={errors[key]}
      input={{ kind: 'text', placeholder }}
    />
  );
  return (
    <form
      id="enqueue"
      class="enqueue"
      aria-labelledby="enqueue-title"
      hx-post={href(PATHS.queueEnqueue, { queue })}
      hx-target="this"
      hx-swap="outerHTML"
      method="post"
      action={href(PATHS.queueEnqueue, { queue })}
      novalidate
    >
      <h2 id="enqueue-title">Enqueue a job</h2>
      <FormField
        id="enqueue-data"
        name="data"
        label="Payload (a JSON object)"
        hint={`at most ${num(maxBytes)} bytes of JSON (the queue's payload cap)`}
        value={values.data}
        error={errors.data}
        input={{ kind: 'json', rows: 6, maxBytes }}
        wide
      />
      <div class="fields">
        {field('name', 'Job name', 'the handler; empty: default', 'default')}
        {field('delay', 'Delay (ms)', 'run no sooner than this from now')}
        {field('priority', 'Priority', '1 is the highest; empty: the policy default')}
        {field('attempts', 'Attempts', 'empty: the policy default')}
      </div>
      <div class="toolbar">
        <button type="submit">Enqueue</button>
        {enqueued ? (
          <p class="notice notice-ok" role="status">
            Enqueued{' '}
            <a href={href(PATHS.job, { queue, id: enqueued.id })} safe>
              {`job ${enqueued.id}`}
            </a>{' '}
            <span safe>{`(${enqueued.state})`}</span>
          </p>
        ) : (
          ''
        )}
      </div>
    </form>
  );
}
