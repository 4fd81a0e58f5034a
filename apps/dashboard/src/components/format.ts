/** `1,234,567`. */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** `3 queues`, `1 queue`. */
export function plural(n: number, noun: string): string {
  return `${num(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** `512 B`, `1.5 KiB`, `12.0 MiB`. */
export function bytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `3 h 20 min`, `2 d 4 h`. */
export function duration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** `37%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An ISO time as `2026-01-02 15:04:05` (UTC), or `—`. */
export function time(iso: string | number | null): string {
  if (iso === null || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** How long ago `at` (epoch ms) was, from `now`: `4 s ago`. */
export function ago(at: number, now: number): string {
  return `${duration(Math.max(now - at, 0))} ago`;
}

/** A JSON value pretty-printed for a `<pre>`. */
export function pretty(value: unknown): string {
  if (value === undefined) return '—';
  return JSON.stringify(value, null, 2) ?? String(value);
}
