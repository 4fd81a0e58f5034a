/** One term and value of a `<dl class="facts">`. */
export function Fact({ term, value }: { term: string; value: string }): JSX.Element {
  return (
    <div>
      <dt safe>{term}</dt>
      <dd safe>{value}</dd>
    </div>
  );
}
