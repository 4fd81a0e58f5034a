import type { BenchContext } from './bench-context';

/** One measured pair: jobq and its baseline, in the scenario's unit. */
export interface Measurement {
  jobq: number;
  baseline: number | null;
  /** Extra numbers worth keeping (p50 beside p99, …). */
  extra?: Record<string, number>;
}

/**
 * What the goal is checked on: the medians of jobq and of the baseline over the runs, and the
 * median of the per-run ratios — each run's pair measured minutes apart on the same machine, so
 * the ratio stays steady where the machine's speed drifts between runs.
 */
export interface Summary {
  jobq: number;
  baseline: number | null;
  ratio: number | null;
}

/** A benchmark scenario: run once per repetition, each time with its baseline in the same run. */
export interface Scenario {
  name: string;
  unit: string;
  /** Human-readable goal, e.g. `ratio >= 0.95`. */
  goal: string;
  /** Whether bigger is better for `unit` (throughput) or smaller (latency, bytes). */
  higherIsBetter: boolean;
  /** Checks the goal on the summary of the runs. */
  meets(s: Summary): boolean;
  run(ctx: BenchContext): Promise<Measurement>;
}
