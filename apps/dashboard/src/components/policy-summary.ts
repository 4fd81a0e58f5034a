import type { QueuePolicy } from '@jobq/queue-core';

/** A policy in one line: attempts and backoff, then the caps that are set. */
export function policySummary(p: QueuePolicy): string {
  const parts = [`${p.attempts} attempts`, `${p.backoff.type} ${p.backoff.delay_ms} ms`];
  if (p.concurrency !== null) parts.push(`concurrency ${p.concurrency}`);
  if (p.rate_limit !== null) parts.push(`${p.rate_limit.max} per ${p.rate_limit.duration_ms} ms`);
  if (p.timeout_ms !== null) parts.push(`timeout ${p.timeout_ms} ms`);
  if (p.default_priority !== 0) parts.push(`priority ${p.default_priority}`);
  return parts.join(' · ');
}
