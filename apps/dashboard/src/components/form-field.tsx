/** How a form field is entered. */
export type FieldInput =
  | { kind: 'text'; numeric?: boolean; placeholder?: string }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'json'; rows: number; maxBytes?: number };

interface FormFieldProps {
  /** The input's id; its error and hint get `<id>-error` and `<id>-hint`. */
  id: string;
  /** The posted name (and the `data-field` tests and scripts find it by). */
  name: string;
  label: string;
  hint: string;
  value: string;
  input: FieldInput;
  /** The refusal to show at the field. */
  error?: string;
  /** Spans the whole width of the form. */
  wide?: boolean;
}

/**
 * One labelled field of a dashboard form — input, select or JSON editor — with its hint, and its
 * refusal shown at it (`aria-invalid`, described by the message) when there is one.
 */
export function FormField(props: FormFieldProps): JSX.Element {
  const { id, name, label, hint, value, input, error } = props;
  const described = error ? `${id}-error ${id}-hint` : `${id}-hint`;
  const invalid = error ? 'true' : undefined;
  const classes = ['field', props.wide ? 'wide' : '', error ? 'invalid' : ''].filter(Boolean);
  return (
    <div class={classes.join(' ')} data-field={name}>
      <label for={id} safe>
        {label}
      </label>
      {input.kind === 'select' ? (
        <select id={id} name={name} aria-describedby={described} aria-invalid={invalid}>
          {input.options.map((option) => (
            <option value={option} selected={option === value} safe>
              {option}
            </option>
          ))}
        </select>
      ) : input.kind === 'json' ? (
        <textarea
          id={id}
          name={name}
          rows={String(input.rows)}
          spellcheck="false"
          data-json-editor
          data-max-bytes={input.maxBytes === undefined ? undefined : String(input.maxBytes)}
          aria-describedby={described}
          aria-invalid={invalid}
          safe
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type="text"
          inputmode={input.numeric ? 'numeric' : undefined}
          value={value}
          placeholder={input.placeholder}
          aria-describedby={described}
          aria-invalid={invalid}
        />
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <p
        class="hint"
        id={`${id}-hint`}
        aria-live={input.kind === 'json' ? 'polite' : undefined}
        safe
      >
        {hint}
      </p>
    </div>
  );
}
