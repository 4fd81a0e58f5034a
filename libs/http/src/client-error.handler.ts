import type { Socket } from 'node:net';
import type { ErrorBody } from './error-body';

const ANSWERS: Record<string, [number, string, ErrorBody]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    {
      error: 'the request headers exceed 16 KiB in all: send fewer or shorter headers',
      code: 'HEADERS_TOO_LARGE',
    },
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    { error: 'the request did not arrive in time: send it again', code: 'REQUEST_TIMEOUT' },
  ],
};

const MALFORMED: [number, string, ErrorBody] = [
  400,
  'Bad Request',
  {
    error:
      'the request is not valid HTTP/1.1 (a bad request line, header or framing, such as two Content-Length headers): send one well-formed request',
    code: 'MALFORMED_REQUEST',
  },
];

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refuses before any route sees it
 * (headers over 16 KiB, two Content-Lengths, a broken request line) still gets a jobq error body
 * saying what to fix, then the connection closes.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, body] = ANSWERS[err.code ?? ''] ?? MALFORMED;
  const payload = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.destroy();
}
