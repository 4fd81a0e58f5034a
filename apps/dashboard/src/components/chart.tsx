/** What a chart draws: x values, and one or more named series over them. */
export interface ChartSpec {
  /** `time`: x is epoch seconds; `log`: x is a duration in ms on a log scale. */
  x: 'time' | 'log';
  xs: number[];
  series: { label: string; values: number[]; tone: 'ok' | 'bad' | 'info' }[];
  /** Unit of the y axis, for the axis label. */
  unit: string;
}

/**
 * A chart drawn by uPlot (`public/app.js` reads `data-chart`), with a text alternative for screen
 * readers and for when scripts do not run.
 */
export function Chart({
  title,
  spec,
  summary,
}: {
  title: string;
  spec: ChartSpec;
  summary: string;
}): JSX.Element {
  return (
    <figure class="chart">
      <figcaption safe>{title}</figcaption>
      <div class="chart-plot" data-chart={JSON.stringify(spec)} aria-hidden="true"></div>
      <p class="chart-summary" safe>
        {summary}
      </p>
    </figure>
  );
}
