/** What a table or panel shows when it has nothing: one muted line. */
export function EmptyState({ children }: { children: JSX.Element }): JSX.Element {
  return <p class="empty">{children}</p>;
}
