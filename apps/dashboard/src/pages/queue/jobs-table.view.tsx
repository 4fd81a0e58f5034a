import type { JobPage, JobSummary, ListedState, DashboardRole } from '@jobq/queue-core';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { num, time } from '../../components/format';
import { href, PATHS } from '../../routes';

/** Which time column each state shows. */
const WHEN: Record<ListedState, { label: string; pick: (j: JobSummary) => string | null }> = {
  waiting: { label: 'enqueued', pick: (j) => j.created_at },
  prioritized: { label: 'enqueued', pick: (j) => j.created_at },
  'waiting-children': { label: 'enqueued', pick: (j) => j.created_at },
  delayed: { label: 'due', pick: (j) => j.run_at },
  active: { label: 'started', pick: (j) => j.processed_at },
  completed: { label: 'finished', pick: (j) => j.finished_at },
  failed: { label: 'failed', pick: (j) => j.finished_at },
};

/**
 * A page of a state's jobs, with the bulk actions of that state and a link to the next page (the
 * cursor). The state's total is BullMQ's count — never from listing.
 */
export function JobsTable({
  page,
  role,
  cursor,
}: {
  page: JobPage;
  role: DashboardRole;
  cursor?: string;
}): JSX.Element {
  const { queue, state, total } = page;
  const when = WHEN[state];
  return (
    <section
      id="jobs"
      aria-labelledby="jobs-title"
      data-state={state}
      hx-trigger="jobq:changed from:body"
      hx-get={href(PATHS.queueJobs, { queue }, { state, cursor })}
      hx-swap="outerHTML"
    >
      <div class="toolbar">
        <h2 id="jobs-title" safe>{`${state} jobs (${num(total)})`}</h2>
        {state === 'failed' && total > 0 ? (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.queueRetryFailed, { queue })}
            label="Retry all failed"
            confirm={`Retry all ${num(total)} failed jobs of ${queue}?`}
          />
        ) : (
          ''
        )}
        {(state === 'failed' || state === 'completed') && total > 0 ? (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.queueClean, { queue, state })}
            label={`Clean ${state}`}
            danger
            confirm={`Remove all ${num(total)} ${state} jobs of ${queue}?`}
          />
        ) : (
          ''
        )}
      </div>
      {page.jobs.length === 0 ? (
        <EmptyState>{cursor ? 'No more jobs in this state.' : 'No jobs in this state.'}</EmptyState>
      ) : (
        <table class="grid jobs">
          <caption class="visually-hidden" safe>{`${state} jobs of ${queue}`}</caption>
          <thead>
            <tr>
              <th scope="col">id</th>
              <th scope="col">name</th>
              <th scope="col" safe>
                {when.label}
              </th>
              <th scope="col" class="num">
                attempts
              </th>
              <th scope="col">{state === 'failed' ? 'reason' : 'data'}</th>
            </tr>
          </thead>
          <tbody>
            {page.jobs.map((job) => (
              <tr data-job={job.id}>
                <th scope="row">
                  <a href={href(PATHS.job, { queue, id: job.id })} safe>
                    {job.id}
                  </a>
                </th>
                <td safe>{job.name}</td>
                <td safe>{time(when.pick(job))}</td>
                <td class="num" safe>
                  {num(job.attempts_made)}
                </td>
                <td class="preview" safe>
                  {state === 'failed' ? (job.failed_reason ?? '') : job.data_preview}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages">
        {cursor ? (
          <a
            href={href(PATHS.queue, { queue }, { state })}
            hx-get={href(PATHS.queueJobs, { queue }, { state })}
            hx-target="#jobs"
            hx-swap="outerHTML"
          >
            First page
          </a>
        ) : (
          ''
        )}
        {page.next ? (
          <a
            href={href(PATHS.queue, { queue }, { state, cursor: page.next })}
            hx-get={href(PATHS.queueJobs, { queue }, { state, cursor: page.next })}
            hx-target="#jobs"
            hx-swap="outerHTML"
            rel="next"
          >
            Next page
          </a>
        ) : (
          ''
        )}
      </nav>
    </section>
  );
}
