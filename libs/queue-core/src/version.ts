import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** jobq's version (the root package.json), the same from sources and from the build. */
export const JOBQ_VERSION = findVersion(__dirname);

function findVersion(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'jobq') return pkg.version ?? 'unknown';
  }
  return 'unknown';
}
