import { connect } from 'node:net';

/** Bodies from this size on are sent only if the server has not answered on the headers alone. */
const EARLY_ANSWER_BYTES = 1024 * 1024;

/** One request exactly as given: the path unnormalised, headers as listed (repeats allowed). */
export interface RawRequest {
  method: string;
  path: string;
  headers?: [string, string][];
  body?: Buffer | string;
}

/** What came back: status, headers (lower-case names, repeats joined), body text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `request` over a fresh connection and reads one answer (to its Content-Length, its last
 * chunk, or the connection's end), whatever happens to the sending side: a server that answers
 * early (413, 431) still gives its answer. Chunked answers are decoded. Status 0 means no answer
 * (none within `timeoutMs` of silence).
 */
export function rawRequest(
  port: number,
  request: RawRequest,
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: [string, string][] = [['host', `127.0.0.1:${port}`], ...(request.headers ?? [])];
  if (body && !headers.some(([name]) => name.toLowerCase() === 'content-length')) {
    headers.push(['content-length', String(body.length)]);
  }
  const head =
    `${request.method} ${request.path} HTTP/1.1\r\n` +
    headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
    '\r\n';
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      if (!body) return;
      // As curl does for large bodies: give the server a moment to refuse on the headers alone
      // (413, 401), so that its answer is read before a close cuts the upload short.
      if (body.length < EARLY_ANSWER_BYTES) socket.write(body);
      else setTimeout(() => chunks.length === 0 && !socket.destroyed && socket.write(body), 300);
    });
    const finish = () => resolve(parse(Buffer.concat(chunks)));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (complete(Buffer.concat(chunks))) {
        socket.destroy();
        finish();
      }
    });
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('error', () => undefined);
    socket.on('close', finish);
  });
}

/** Whether `raw` holds a whole answer: its headers and all of its body. */
function complete(raw: Buffer): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = raw.subarray(0, end).toString('latin1');
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return raw.length - end - 4 >= Number(length[1]);
  return (
    /\r\ntransfer-encoding: *chunked/i.test(head) && raw.subarray(-5).toString() === '0\r\n\r\n'
  );
}

function parse(raw: Buffer): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: raw.toString() };
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let payload = raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) payload = unchunk(payload);
  return { status: Number(statusLine.split(' ')[1]), headers, body: payload.toString('utf8') };
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
