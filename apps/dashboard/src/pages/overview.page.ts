import type { QueueOverview, QueuePolicy, QueueSummary } from '@jobq/queue-core';
import { OVERVIEW_MINUTES } from '@jobq/queue-core';
import { html, SafeHtml } from './html';
import { layout } from './layout';
import { sparkline } from './sparkline';

/** Where the overview's live updates are pushed (Server-Sent Events). */
export const OVERVIEW_LIVE_PATH = '/live/overview';

const LIVE_SCRIPT = html`<script>
(() => {
  const rows = document.querySelector('#queues tbody');
  const summary = document.getElementById('summary');
  const source = new EventSource('${OVERVIEW_LIVE_PATH}');
  source.onmessage = (event) => {
    const update = JSON.parse(event.data);
    rows.innerHTML = update.rows;
    summary.innerHTML = update.summary;
    document.body.dataset.live = 'on';
  };
  source.onerror = () => { document.body.dataset.live = 'off'; };
})();
</script>`;

/** The overview page: every queue with its state, counts, throughput, workers and policy. */
export function overviewPage(overview: QueueOverview): SafeHtml {
  return layout(
    'Queues',
    html`<p id="summary">${overviewSummary(overview)}</p>
<table id="queues">
<thead><tr><th>queue</th><th>state</th><th class="num">waiting</th><th class="num">active</th><th class="num">delayed</th><th class="num">completed</th><th class="num">failed</th><th>completed/min, last ${OVERVIEW_MINUTES} min</th><th class="num">workers</th><th>policy</th></tr></thead>
<tbody>${overviewRows(overview)}</tbody>
</table>`,
    LIVE_SCRIPT,
  );
}

/** The line above the table: how many queues, jobs and live workers. */
export function overviewSummary(overview: QueueOverview): SafeHtml {
  const waiting = overview.queues.reduce((sum, q) => sum + q.size, 0);
  return html`${plural(overview.queues.length, 'queue')} · ${plural(waiting, 'job')} waiting · ${plural(overview.workers, 'live worker')} · <span class="muted">as of ${overview.generated_at}</span>`;
}

/** The table rows, one per queue (also what each live update replaces). */
export function overviewRows(overview: QueueOverview): SafeHtml {
  if (overview.queues.length === 0)
    return html`<tr><td colspan="10" class="muted">No queues yet: enqueue a job or set a policy through the API.</td></tr>`;
  return html`${overview.queues.map(row)}`;
}

function row(q: QueueSummary): SafeHtml {
  const c = q.counts;
  return html`<tr data-queue="${q.queue}">
<td><a href="/board/queue/${encodeURIComponent(q.queue)}">${q.queue}</a></td>
<td><span class="badge ${q.state}">${q.state}</span></td>
<td class="num">${number(c.waiting + c.prioritized)}</td>
<td class="num">${number(c.active)}</td>
<td class="num">${number(c.delayed)}</td>
<td class="num">${number(c.completed)}</td>
<td class="num${c.failed > 0 ? ' failed' : ''}">${number(c.failed)}</td>
<td>${sparkline(q.completed_per_minute, `${q.queue}: completed per minute`)} <span class="muted">${number(q.completed_per_minute[0] ?? 0)}/min</span></td>
<td class="num">${q.workers}</td>
<td class="muted">${policySummary(q.policy)}</td>
</tr>
`;
}

/** The policy in one line: attempts and backoff, then the caps that are set. */
export function policySummary(p: QueuePolicy): string {
  const parts = [`${p.attempts} attempts`, `${p.backoff.type} ${p.backoff.delay_ms} ms`];
  if (p.concurrency !== null) parts.push(`concurrency ${p.concurrency}`);
  if (p.rate_limit !== null) parts.push(`${p.rate_limit.max} per ${p.rate_limit.duration_ms} ms`);
  if (p.timeout_ms !== null) parts.push(`timeout ${p.timeout_ms} ms`);
  if (p.default_priority !== 0) parts.push(`priority ${p.default_priority}`);
  return parts.join(' · ');
}

function plural(n: number, noun: string): string {
  return `${number(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}
