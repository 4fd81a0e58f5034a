/**
 * Jest transformer for ESM-only dependencies (NestJS 12 ships as ESM). Node loads them through
 * require(esm) at run time, but Jest (before Node 24.9) cannot, so under test they are compiled
 * to CommonJS with TypeScript's transpiler. `import.meta` has no CommonJS form and is rewritten; CommonJS has `require` already.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const SELF = readFileSync(__filename);

const META = [
  [/^const require = (?:\w+\.)?createRequire\(import\.meta\.url\);?$/gm, ''],
  [/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href"],
  [/import\.meta\.resolve\(/g, 'require.resolve('],
  [/import\.meta\.dirname/g, '__dirname'],
  [/import\.meta\.filename/g, '__filename'],
];

module.exports = {
  process(source, filename) {
    const code = META.reduce(
      (text, [pattern, replacement]) => text.replace(pattern, replacement),
      source,
    );
    const { outputText } = ts.transpileModule(code, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha1')
      .update(ts.version)
      .update(SELF)
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
