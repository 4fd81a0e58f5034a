import { createHash } from 'node:crypto';
import { connect, createServer, Socket } from 'node:net';

/**
 * Preloaded (`node --require`, see {@link traceEnv}) into a process the commands-per-job scenario
 * starts: counts the round trips the process makes to the Redis of `REDIS_URL`, and answers the
 * running totals as JSON to whoever connects to the Unix socket `REDIS_TRACE_SOCKET` (see
 * {@link readTrace}).
 *
 * One socket write is one round trip: ioredis writes a single command, and a whole pipeline or
 * `MULTI`, with one `write`, then waits for the answers. A write holding several commands counts
 * as one round trip under `pipeline` (or `multi`). `EVALSHA`s are named by their BullMQ script.
 */
export interface RedisTrace {
  /** Round trips by command (a lone command) or `pipeline`/`multi` (several in one write). */
  roundTrips: Record<string, number>;
}

/** Environment that preloads this file into a spawned process, answering on `socket`. */
export function traceEnv(socket: string): Record<string, string> {
  return { NODE_OPTIONS: `--require "${__filename}"`, REDIS_TRACE_SOCKET: socket };
}

/** The totals so far of the process answering on `socket`. */
export function readTrace(socket: string): Promise<RedisTrace> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    connect(socket)
      .on('data', (chunk: Buffer) => chunks.push(chunk))
      .on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as RedisTrace))
      .on('error', reject);
  });
}

const output = process.env.REDIS_TRACE_SOCKET;
const port = Number(new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379);
const trace: RedisTrace = { roundTrips: {} };
let scriptNames = new Map<string, string>();

if (output) {
  scriptNames = bullmqScripts();
  const write = Socket.prototype.write;
  Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
    if (this.remotePort === port && (typeof chunk === 'string' || Buffer.isBuffer(chunk)))
      count(Buffer.from(chunk));
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  createServer((client) => client.end(JSON.stringify(trace)))
    .listen(output)
    .unref();
}

function count(data: Buffer): void {
  const names = commandNames(data);
  if (!names.length) return;
  const trip = names.length === 1 ? names[0] : names[0] === 'multi' ? 'multi' : 'pipeline';
  trace.roundTrips[trip] = (trace.roundTrips[trip] ?? 0) + 1;
}

/** The commands in one write of RESP arrays of bulk strings (what ioredis sends). */
function commandNames(data: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (at < data.length && data[at] === 0x2a) {
    let eol = data.indexOf('\r\n', at);
    const argc = Number(data.toString('latin1', at + 1, eol));
    at = eol + 2;
    const head: string[] = [];
    for (let i = 0; i < argc; i++) {
      eol = data.indexOf('\r\n', at);
      const length = Number(data.toString('latin1', at + 1, eol));
      if (i < 2) head.push(data.toString('utf8', eol + 2, eol + 2 + length));
      at = eol + 2 + length + 2;
    }
    names.push(label(head));
  }
  return names;
}

function label([name = '', first = '']: string[]): string {
  const command = name.toLowerCase();
  if (command === 'evalsha') return `evalsha ${scriptNames.get(first) ?? first.slice(0, 8)}`;
  if (command === 'eval') return `eval ${scriptNames.get(sha1(first)) ?? 'script'}`;
  return command;
}

/** sha1 → name of every BullMQ Lua script (ioredis `defineCommand` runs them by that sha). */
function bullmqScripts(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- BullMQ's CommonJS scripts have no types
  const scripts = require('bullmq/dist/cjs/scripts') as Record<string, { content: string }>;
  return new Map(Object.entries(scripts).map(([name, s]) => [sha1(s.content), name]));
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
