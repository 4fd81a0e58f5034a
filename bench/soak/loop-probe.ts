import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into every app the soak starts (`NODE_OPTIONS=--require …/loop-probe.js`): every
 * `SOAK_PROBE_MS` it prints one line `{"soak_probe":{rss_bytes, heap_bytes, eld_p99_ms, eld_max_ms}}`
 * with the process's RSS, its V8 heap in use and its event-loop delay over the interval, so the
 * apps carry no soak code.
 */
const intervalMs = Number(process.env.SOAK_PROBE_MS) || 5000;
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
setInterval(() => {
  const probe = {
    rss_bytes: process.memoryUsage.rss(),
    heap_bytes: process.memoryUsage().heapUsed,
    eld_p99_ms: delay.percentile(99) / 1e6,
    eld_max_ms: delay.max / 1e6,
  };
  delay.reset();
  process.stdout.write(`${JSON.stringify({ soak_probe: probe })}\n`);
}, intervalMs).unref();
