// Drops, from package-lock.json, optional platform packages that the registry does not serve
// (npm records them as wanted but cannot lock them, and `npm ci` then refuses the lock).
// Run after any `npm install`: `npm run lock:prune`.
const { readFileSync, writeFileSync } = require('node:fs');

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const nodes = lock.packages;

function resolvable(from, name) {
  for (let base = from; ;) {
    if (nodes[base ? `${base}/node_modules/${name}` : `node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut >= 0 ? base.slice(0, cut) : '';
  }
}

let dropped = 0;
for (const [path, node] of Object.entries(nodes)) {
  for (const name of Object.keys(node.optionalDependencies ?? {})) {
    if (resolvable(path, name)) continue;
    delete node.optionalDependencies[name];
    dropped++;
  }
  if (node.optionalDependencies && !Object.keys(node.optionalDependencies).length)
    delete node.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock:prune dropped ${dropped} unserved optional packages`);
