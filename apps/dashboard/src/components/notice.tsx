/** The message under a form whose save was refused: the fields say what to fix. */
export const NOT_SAVED = 'Not saved: fix the fields marked below.';

/**
 * A short message about an action's outcome: swapped into the page's `#toast` (a live region of
 * its own), or shown in a form's toolbar, where it announces itself (`role` status or alert).
 */
export function Notice({
  text,
  tone = 'ok',
  role,
}: {
  text: string;
  tone?: 'ok' | 'error';
  role?: 'status' | 'alert';
}): JSX.Element {
  return (
    <p class={`notice notice-${tone}`} role={role} safe>
      {text}
    </p>
  );
}
