import type { JobView, DashboardRole } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { ActionButton } from '../../components/action-button';
import { Fact } from '../../components/fact';
import { num, pretty, time } from '../../components/format';
import { Layout, QueueLink } from '../../components/layout';
import { StateBadge } from '../../components/state-badge';
import { href, PATHS } from '../../routes';

/** One job: its state, data, result, progress, logs, failure and stack, and what can be done to it. */
export function JobPage({ job, viewer }: { job: JobView; viewer: Viewer }): JSX.Element {
  return (
    <Layout title={`Job ${job.id}`} viewer={viewer} active="none">
      <p class="crumbs">
        queue <QueueLink queue={job.queue} /> ·{' '}
        <a
          href={href(PATHS.queue, { queue: job.queue }, { state: job.state })}
          safe
        >{`${job.state} jobs`}</a>
      </p>
      <JobDetail job={job} role={viewer.role} />
    </Layout>
  );
}

/** The job's facts and sections; what a retry or promote replaces. */
export function JobDetail({ job, role }: { job: JobView; role: DashboardRole }): JSX.Element {
  const url = { queue: job.queue, id: job.id };
  return (
    <article id="job" aria-label={`job ${job.id}`}>
      <div class="toolbar">
        <StateBadge state={job.state} />
        {job.state === 'failed' ? (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.jobRetry, url)}
            label="Retry"
            target="#job"
          />
        ) : (
          ''
        )}
        {job.state === 'delayed' ? (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.jobPromote, url)}
            label="Run now (promote)"
            target="#job"
          />
        ) : (
          ''
        )}
        {job.state !== 'active' ? (
          <ActionButton
            role={role}
            needs="administer"
            url={href(PATHS.jobDelete, url)}
            label="Delete"
            danger
            confirm={`Delete job ${job.id}?`}
          />
        ) : (
          ''
        )}
      </div>
      <dl class="facts">
        <Fact term="name" value={job.name} />
        <Fact term="attempts made" value={num(job.attempts_made)} />
        <Fact term="priority" value={String(job.priority)} />
        <Fact term="created" value={time(job.created_at)} />
        <Fact term="started" value={time(job.processed_at)} />
        <Fact term="finished" value={time(job.finished_at)} />
        {job.delay > 0 ? <Fact term="delay" value={`${num(job.delay)} ms`} /> : ''}
      </dl>
      <Section title="Data" body={pretty(job.data)} />
      <Section title="Progress" body={pretty(job.progress)} />
      {job.result !== null ? <Section title="Result" body={pretty(job.result)} /> : ''}
      {job.failed_reason ? (
        <Section title="Failure reason" body={job.failed_reason} tone="bad" />
      ) : (
        ''
      )}
      {job.stacktrace.length > 0 ? (
        <Section title="Stack" body={job.stacktrace.join('\n\n')} tone="bad" />
      ) : (
        ''
      )}
      <section>
        <h2>Logs</h2>
        {job.logs.length === 0 ? (
          <p class="empty">No log lines.</p>
        ) : (
          <ol class="logs">
            {job.logs.map((line) => (
              <li safe>{line}</li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function Section({
  title,
  body,
  tone,
}: {
  title: string;
  body: string;
  tone?: 'bad';
}): JSX.Element {
  return (
    <section>
      <h2 safe>{title}</h2>
      <pre class={tone === 'bad' ? 'code bad' : 'code'} tabindex="0" safe>
        {body}
      </pre>
    </section>
  );
}
