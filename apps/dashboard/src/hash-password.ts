import { createInterface } from 'node:readline';
import { hashPassword } from '@jobq/queue-core';

/**
 * `npm run -s hash-password`: reads a password from the first line of standard input and prints
 * its scrypt hash, the middle part of a `DASHBOARD_USERS` entry (`user:<hash>:role`).
 */
async function main(): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write('password (then Enter): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line) break;
    process.stdout.write(`${await hashPassword(line)}\n`);
    lines.close();
    return;
  }
  process.stderr.write('hash-password: no password on standard input\n');
  process.exitCode = 1;
}

void main();
