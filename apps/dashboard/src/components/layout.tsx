import { can } from '@jobq/queue-core';
import { assetUrl } from '../assets/static-assets';
import type { Viewer } from '@jobq/http';
import { href, PATHS } from '../routes';

/** The navigation entries; `active` marks the current one. */
export type NavItem = 'overview' | 'workers' | 'schedules' | 'bus' | 'audit' | 'jobs' | 'none';

/** htmx settings: no inline indicator styles and no eval, so the strict CSP holds. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  disableInheritance: true,
  defaultSwapStyle: 'innerHTML',
});

interface LayoutProps {
  title: string;
  viewer?: Viewer;
  active: NavItem;
  /** An SSE route: the page's `sse-swap` fragments follow it while the tab is visible. */
  live?: string;
  children?: JSX.Element | JSX.Element[];
}

/** The frame every page shares: head, navigation, job search, who is logged in, the live hook-up. */
export function Layout({
  title,
  viewer,
  active,
  live,
  children: safeChildren,
}: LayoutProps): JSX.Element {
  return (
    <>
      {'<!doctype html>'}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <meta name="color-scheme" content="light dark" />
          <link rel="icon" href="data:," />
          <title safe>{`${title} · jobq`}</title>
          <link rel="stylesheet" href={assetUrl(`${PATHS.vendor}uPlot.min.css`)} />
          <link rel="stylesheet" href={assetUrl(`${PATHS.assets}app.css`)} />
          <script defer src={assetUrl(`${PATHS.vendor}htmx.min.js`)}></script>
          <script defer src={assetUrl(`${PATHS.vendor}sse.min.js`)}></script>
          <script defer src={assetUrl(`${PATHS.vendor}uPlot.iife.min.js`)}></script>
          <script defer src={assetUrl(`${PATHS.assets}app.js`)}></script>
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="top">
            <a class="brand" href={PATHS.overview}>
              jobq
            </a>
            {viewer ? <Nav viewer={viewer} active={active} /> : ''}
            {viewer ? <JobSearch /> : ''}
            {viewer ? <Who viewer={viewer} /> : ''}
          </header>
          {viewer?.open ? <OpenBanner /> : ''}
          <main
            id="main"
            hx-ext={live ? 'sse' : undefined}
            sse-connect={live}
            data-live={live ? 'connecting' : undefined}
          >
            <h1 safe>{title}</h1>
            <div id="toast" class="toast" role="status" aria-live="polite"></div>
            {safeChildren}
          </main>
        </body>
      </html>
    </>
  );
}

function Nav({ viewer, active }: { viewer: Viewer; active: NavItem }): JSX.Element {
  const item = (key: NavItem, url: string, label: string) => (
    <a href={url} aria-current={active === key ? 'page' : undefined} safe>
      {label}
    </a>
  );
  return (
    <nav aria-label="Main">
      {item('overview', PATHS.overview, 'Queues')}
      {item('workers', PATHS.workers, 'Workers')}
      {item('schedules', PATHS.schedules, 'Schedules')}
      {item('bus', PATHS.bus, 'Bus')}
      {can(viewer.role, 'administer') ? item('audit', PATHS.audit, 'Audit') : ''}
      {item('jobs', PATHS.board, 'bull-board')}
    </nav>
  );
}

function JobSearch(): JSX.Element {
  return (
    <form class="search" role="search" action={PATHS.lookup} method="get">
      <label for="job-search">Job id</label>
      <input
        id="job-search"
        name="id"
        type="search"
        placeholder="press / to search"
        autocomplete="off"
      />
      <button type="submit">Find</button>
    </form>
  );
}

function Who({ viewer }: { viewer: Viewer }): JSX.Element {
  if (viewer.open) return <span class="who">no login (loopback only)</span>;
  return (
    <form class="who" method="post" action={PATHS.logout}>
      <span safe>{`${viewer.name} · ${viewer.role}`}</span>
      <button type="submit">Log out</button>
    </form>
  );
}

function OpenBanner(): JSX.Element {
  return (
    <p class="banner" role="note">
      No users are configured (<code>DASHBOARD_USERS</code> is unset): there is no login, everyone
      who reaches this page acts as admin, and the dashboard listens on this machine (loopback)
      only. See the README&apos;s &quot;Dashboard&quot; section to add users.
    </p>
  );
}

/** A link to a queue's page. */
export function QueueLink({ queue }: { queue: string }): JSX.Element {
  return (
    <a href={href(PATHS.queue, { queue })} safe>
      {queue}
    </a>
  );
}
