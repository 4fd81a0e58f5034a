import { can, type Capability, type DashboardRole } from '@jobq/queue-core';

interface ActionButtonProps {
  /** Who sees it. */
  role: DashboardRole;
  /** What the action needs; the button is not rendered for a role without it. */
  needs: Capability;
  /** Where it posts (htmx). */
  url: string;
  label: string;
  /** A fuller name for screen readers (`Pause emails`), when the label needs context. */
  ariaLabel?: string;
  /** A question to confirm first (destructive actions). */
  confirm?: string;
  /** An element the answer replaces (outerHTML). @defaultValue the page's `#toast` (its content) */
  target?: string;
  danger?: boolean;
}

/** A button that posts an action with htmx — rendered only for roles that may do it. */
export function ActionButton(props: ActionButtonProps): JSX.Element {
  if (!can(props.role, props.needs)) return '';
  return (
    <button
      type="button"
      class={props.danger ? 'action danger' : 'action'}
      hx-post={props.url}
      hx-target={props.target ?? '#toast'}
      hx-swap={props.target ? 'outerHTML' : 'innerHTML'}
      hx-confirm={props.confirm}
      aria-label={props.ariaLabel}
      safe
    >
      {props.label}
    </button>
  );
}
