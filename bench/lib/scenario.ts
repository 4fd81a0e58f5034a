import type { BenchContext } from './bench-context';

/** One measured pair: jobq and its baseline, in the scenario's unit. */
export interface Measurement {
  jobq: number;
  baseline: number | null;
  /** Extra numbers worth keeping (p50 beside p99, …). */
  extra?: Record<string, number>;
}

/** A benchmark scenario: run once per repetition, each time with its baseline in the same run. */
export interface Scenario {
  name: string;
  unit: string;
  /** Human-readable goal, e.g. `ratio >= 0.95`. */
  goal: string;
  /** Whether bigger is better for `unit` (throughput) or smaller (latency, bytes). */
  higherIsBetter: boolean;
  /** Checks the goal on the median measurement. */
  meets(m: Measurement): boolean;
  run(ctx: BenchContext): Promise<Measurement>;
}
