/** One timed stretch of work: how much was done, in how many seconds. */
export interface Slice {
  count: number;
  seconds: number;
}

/** How to measure one stretch of work on each side. */
export interface Sides {
  baseline: () => Promise<Slice>;
  jobq: () => Promise<Slice>;
}

/**
 * Rates (count per second) of the baseline and jobq, measured in turn: one warm-up slice of each
 * (not counted; code just started runs before the JIT has compiled it), then `slices` slices of
 * each, alternating which side goes first, and each side's counts and seconds summed. This
 * machine's speed drifts by ±30% within minutes, so two long measurements one after the other
 * compare two different machines; slices seconds apart do not.
 */
export async function interleave(
  sides: Sides,
  slices: number,
): Promise<{ baseline: number; jobq: number }> {
  await sides.baseline();
  await sides.jobq();
  const done = { baseline: { count: 0, seconds: 0 }, jobq: { count: 0, seconds: 0 } };
  for (let i = 0; i < slices; i++) {
    const order = i % 2 === 0 ? (['baseline', 'jobq'] as const) : (['jobq', 'baseline'] as const);
    for (const side of order) {
      const slice = await sides[side]();
      done[side].count += slice.count;
      done[side].seconds += slice.seconds;
    }
  }
  return {
    baseline: done.baseline.count / done.baseline.seconds,
    jobq: done.jobq.count / done.jobq.seconds,
  };
}

/** Times `work`, which does `count` units. */
export async function timed(count: number, work: () => Promise<void>): Promise<Slice> {
  const started = performance.now();
  await work();
  return { count, seconds: (performance.now() - started) / 1000 };
}
