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
  ) => {
    const id = `enqueue-${key}`;
    return (
      <div class={errors[key] ? 'field invalid' : 'field'} data-field={key}>
        <label for={id} safe>
          {label}
        </label>
        <input
          id={id}
          name={key}
          type="text"
          value={values[key]}
          placeholder={placeholder}
          aria-describedby={errors[key] ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={errors[key] ? 'true' : undefined}
        />
        {errors[key] ? (
          <p class="field-error" id={`${id}-error`} safe>
            {errors[key]}
          </p>
        ) : (
          ''
        )}
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      </div>
    );
  };
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
      <div class={errors.data ? 'field wide invalid' : 'field wide'} data-field="data">
        <label for="enqueue-data">Payload (a JSON object)</label>
        <textarea
          id="enqueue-data"
          name="data"
          rows="6"
          spellcheck="false"
          data-json-editor
          data-max-bytes={String(maxBytes)}
          aria-describedby={
            errors.data ? 'enqueue-data-error enqueue-data-size' : 'enqueue-data-size'
          }
          aria-invalid={errors.data ? 'true' : undefined}
          safe
        >
          {values.data}
        </textarea>
        {errors.data ? (
          <p class="field-error" id="enqueue-data-error" safe>
            {errors.data}
          </p>
        ) : (
          ''
        )}
        <p class="hint" id="enqueue-data-size" aria-live="polite" safe>
          {`at most ${num(maxBytes)} bytes of JSON (the queue's payload cap)`}
        </p>
      </div>
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
