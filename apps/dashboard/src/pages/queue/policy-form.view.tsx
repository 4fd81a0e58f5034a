import { type QueuePolicy, can, type DashboardRole } from '@jobq/queue-core';
import { Fact } from '../../components/fact';
import { FormField } from '../../components/form-field';
import { NOT_SAVED, Notice } from '../../components/notice';
import { href, PATHS } from '../../routes';
import { POLICY_FIELDS, PolicyField, PolicyFormValues, policyValues } from './policy-form';

interface PolicyFormProps {
  queue: string;
  values: PolicyFormValues;
  errors?: Record<string, string>;
  /** Shown after a save. */
  saved?: boolean;
}

/**
 * The policy: a form for admins (every SPEC §3 field, each refusal shown at its field, the
 * server's validation only), a read-only list for everyone else.
 */
export function PolicyPanel({
  queue,
  policy,
  role,
}: {
  queue: string;
  policy: QueuePolicy;
  role: DashboardRole;
}): JSX.Element {
  if (can(role, 'administer')) return <PolicyForm queue={queue} values={policyValues(policy)} />;
  const values = policyValues(policy);
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">Policy</h2>
      <dl class="facts">
        {POLICY_FIELDS.map((f) => (
          <Fact term={f.label} value={values[f.path] === '' ? 'none' : unitOf(f, values[f.path])} />
        ))}
      </dl>
    </section>
  );
}

const unitOf = (field: PolicyField, value: string) =>
  field.input.kind !== 'select' && field.input.unit ? `${value} ${field.input.unit}` : value;

/** The form itself; what a save answers with (200, or 400 with the refusals at their fields). */
export function PolicyForm({ queue, values, errors = {}, saved }: PolicyFormProps): JSX.Element {
  const failed = Object.keys(errors).length > 0;
  return (
    <form
      id="policy"
      class="policy"
      aria-labelledby="policy-title"
      hx-post={href(PATHS.queuePolicy, { queue })}
      hx-target="this"
      hx-swap="outerHTML"
      method="post"
      action={href(PATHS.queuePolicy, { queue })}
      novalidate
    >
      <h2 id="policy-title">Policy</h2>
      <div class="fields">
        {POLICY_FIELDS.map((field) => (
          <Field field={field} value={values[field.path] ?? ''} error={errors[field.path]} />
        ))}
      </div>
      <div class="toolbar">
        <button type="submit">Save policy</button>
        {saved ? (
          <Notice text="Saved: every process applies it within a second." role="status" />
        ) : (
          ''
        )}
        {failed ? <Notice text={NOT_SAVED} tone="error" role="alert" /> : ''}
      </div>
    </form>
  );
}

function Field({
  field,
  value,
  error,
}: {
  field: PolicyField;
  value: string;
  error?: string;
}): JSX.Element {
  const input = field.input;
  return (
    <FormField
      id={`policy-${field.path.replace(/\./g, '-')}`}
      name={field.path}
      label={input.kind !== 'select' && input.unit ? `${field.label} (${input.unit})` : field.label}
      hint={field.hint}
      value={value}
      error={error}
      input={
        input.kind === 'select'
          ? input
          : {
              kind: 'text',
              numeric: true,
              placeholder: input.kind === 'int-or-none' ? input.none : undefined,
            }
      }
    />
  );
}
