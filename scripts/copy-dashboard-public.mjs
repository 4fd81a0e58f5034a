// Copies the dashboard's static files (apps/dashboard/src/public) next to its compiled code, so
// dist/apps/dashboard/src/public serves the same files the source tree does.
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'apps/dashboard/src/public');
const to = join(root, 'dist/apps/dashboard/src/public');
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
