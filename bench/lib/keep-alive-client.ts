import { connect, Socket } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/** An answer read by {@link KeepAliveClient}. */
export interface RawResponse {
  status: number;
  body: string;
}

/**
 * One keep-alive HTTP/1.1 connection, one request at a time, for load generators that hold
 * many connections (a thousand long-pollers): a socket and a small parser for answers with a
 * `Content-Length`, without node:http's agent and stream bookkeeping, so the bench's own CPU is
 * not what it measures.
 */
export class KeepAliveClient {
  private readonly socket: Socket;
  private readonly connected: Promise<void>;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (r: RawResponse) => void; reject: (e: Error) => void };

  constructor(
    port: number,
    private readonly host = '127.0.0.1',
  ) {
    this.socket = connect(port, host);
    this.socket.setNoDelay(true);
    this.connected = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve).once('error', reject);
    });
    this.connected.catch(() => undefined); // the first request reports it
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  /** Sends one request and resolves with its whole answer. */
  async request(method: string, path: string, body?: string): Promise<RawResponse> {
    await this.connected;
    if (this.waiting) throw new Error('one request at a time per connection');
    const head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}\r\n`;
    const payload =
      body === undefined
        ? ''
        : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`${head}${payload}\r\n${body ?? ''}`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`an answer without Content-Length: ${head}`));
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.buffer.length < end) return;
    const response = {
      status: Number(head.slice(9, 12)),
      body: this.buffer.toString('utf8', headerEnd + HEADER_END.length, end),
    };
    this.buffer = this.buffer.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(response);
  }

  private fail(err: Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(err);
  }
}
