import { html, SafeHtml } from './html';

const WIDTH = 120;
const HEIGHT = 24;

/** An inline SVG line of `series` (newest first, as BullMQ metrics come), oldest at the left. */
export function sparkline(series: number[], label: string): SafeHtml {
  const points = [...series].reverse();
  const svg = (line: SafeHtml | null) =>
    html`<svg class="spark" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">${line}</svg>`;
  if (points.length < 2) return svg(null);
  const max = Math.max(1, ...points);
  const step = WIDTH / (points.length - 1);
  const coords = points
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (v / max) * (HEIGHT - 2)).toFixed(1)}`)
    .join(' ');
  return svg(html`<polyline points="${coords}"/>`);
}
