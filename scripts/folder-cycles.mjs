// Fails when a folder of an app or library imports a folder that imports it back (directly or round a loop):
// each library's folders must read as layers, arrows one way. `npm run cycles` runs it after dpdm.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top folder of `file` under `src` ('.' for files at the root of src). */
function folderOf(src, file) {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0] : '.';
}

function folderGraph(src) {
  const edges = new Map();
  for (const file of files(src)) {
    const from = folderOf(src, file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(src, resolve(dirname(file), spec));
      if (to === from || to === '.' || from === '.') continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
  return edges;
}

function findCycle(edges) {
  const state = new Map();
  const path = [];
  const visit = (node) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

let failed = false;
for (const base of ['libs', 'apps']) {
  for (const name of readdirSync(base)) {
    const cycle = findCycle(folderGraph(join(base, name, 'src')));
    if (!cycle) continue;
    failed = true;
    console.error(`${base}/${name}: folders import each other round a loop: ${cycle.join(' → ')}`);
  }
}
if (failed) process.exit(1);
console.log('folders: no folder of an app or library imports one that imports it back');
