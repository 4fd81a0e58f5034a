import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `npm run typecheck` runs @kitajs/ts-html-plugin's xss-scan over the views; it must catch this. */
describe('compile-time escaping check', () => {
  it('refuses a view that prints text without escaping it', () => {
    const cli = join(__dirname, '../../node_modules/@kitajs/ts-html-plugin/dist/cli.js');
    const run = spawnSync(
      process.execPath,
      [cli, '--project', 'test/fixtures/xss/tsconfig.json', 'test/fixtures/xss/unsafe.tsx'],
      {
        cwd: join(__dirname, '../..'),
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/unsafe\.tsx\(3,\d+\): error TS0 K601/);
  });
});
