/** A short message about an action's outcome, swapped into the page's `#toast`. */
export function Notice({
  text,
  tone = 'ok',
}: {
  text: string;
  tone?: 'ok' | 'error';
}): JSX.Element {
  return (
    <p class={`notice notice-${tone}`} safe>
      {text}
    </p>
  );
}
