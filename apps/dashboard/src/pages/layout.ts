import { html, SafeHtml } from './html';

const STYLE = new SafeHtml(`
:root { color-scheme: light dark; --muted: #6b7280; --line: #e5e7eb; --ok: #15803d; --warn: #b45309; --bad: #b91c1c; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; }
header { display: flex; gap: 1.5rem; align-items: baseline; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
header strong { font-size: 1.1rem; }
header nav a { margin-right: 1rem; }
main { padding: 1rem 1.25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.badge { padding: .05rem .45rem; border-radius: .6rem; font-size: .8rem; border: 1px solid currentColor; }
.badge.open { color: var(--ok); } .badge.stopped { color: var(--warn); }
.failed { color: var(--bad); }
.spark { vertical-align: middle; }
.spark polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
#summary { margin-bottom: .75rem; }
`);

/** The page frame every dashboard page shares: title, navigation, styles. */
export function layout(title: string, body: SafeHtml, script?: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · jobq</title>
<style>${STYLE}</style>
</head>
<body>
<header><strong>jobq</strong><nav><a href="/">Overview</a><a href="/board">Jobs (bull-board)</a></nav></header>
<main>
<h1>${title}</h1>
${body}
</main>
${script}
</body>
</html>
`;
}
