/**
 * Fault tests (`npm run test:faults`, `test/faults/**\/*.fault-spec.ts`): real app processes and
 * redis-servers of their own that the tests kill, stop and fill up. One file at a time, so that
 * the processes of one test do not slow another's down.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.fault-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
