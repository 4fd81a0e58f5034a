/**
 * `npm run test:cluster`: the e2e suite's job, policy, RPC, fleet and bus parts (and a few more),
 * unchanged, against a private Redis Cluster (3 masters, 3 replicas) with a hash-tagged
 * QUEUE_PREFIX, and the cluster's own tests (`*.cluster-spec.ts`: configuration at boot; failover,
 * on a cluster of its own).
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: [
    '<rootDir>/test/{jobs,rpc,fleet,bus}/**/*.e2e-spec.ts',
    '<rootDir>/test/worker/policy.e2e-spec.ts',
    // Beyond those: schedules, and the dashboard over HTTP (sessions, login limit, bull-board).
    '<rootDir>/test/schedules/*.e2e-spec.ts',
    '<rootDir>/test/dashboard/{overview,auth,schedules}.e2e-spec.ts',
    '<rootDir>/test/foundation/board.e2e-spec.ts',
    '<rootDir>/test/cluster/**/*.cluster-spec.ts',
  ],
  globalSetup: '<rootDir>/test/helpers/cluster-global-setup.ts',
};
