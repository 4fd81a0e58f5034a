const WIDTH = 120;
const HEIGHT = 24;

/** An inline SVG line of `series` (newest first, as BullMQ metrics come), oldest at the left. */
export function Sparkline({ series, label }: { series: number[]; label: string }): JSX.Element {
  const points = [...series].reverse();
  const max = Math.max(1, ...points);
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  const coords = points
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (v / max) * (HEIGHT - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      class="spark"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      {points.length > 1 ? <polyline points={coords} /> : ''}
    </svg>
  );
}
