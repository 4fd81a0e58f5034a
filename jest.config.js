/** Unit tests (`*.spec.ts`, next to the code) and e2e (`test/**\/*.e2e-spec.ts`) against a private redis-server. */
// Dependencies that ship only as ES modules (see test/helpers/esm-to-cjs.transformer.js).
const ESM_ONLY = [
  '@nestjs',
  'cookie',
  'content-disposition',
  'file-type',
  'toad-cache',
  'set-cookie-parser',
  // dynamic import('cookie') in CommonJS: transpiled to a require
  '@fastify/cookie',
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    '^.+\\.m?js$': '<rootDir>/test/helpers/esm-to-cjs.transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: {
    '^@jobq/queue-core$': '<rootDir>/libs/queue-core/src/index.ts',
    '^@jobq/http$': '<rootDir>/libs/http/src/index.ts',
    '^@jobq/worker$': '<rootDir>/libs/worker/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/close-test-redis.ts'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
