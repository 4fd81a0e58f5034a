/** A queue's state (`open`, `stopped`) or a worker's (`busy`, `idle`, `lost`) as a badge. */
export function StateBadge({ state }: { state: string }): JSX.Element {
  return (
    <span class={`badge badge-${state}`} safe>
      {state}
    </span>
  );
}
