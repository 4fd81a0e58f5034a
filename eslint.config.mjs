// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'bench/results/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/queue-core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                'fastify/*',
                '@fastify/*',
                '@nestjs/platform-*',
                '@nestjs/swagger',
                '@nestjs/terminus',
                '@bull-board/*',
                '@jobq/*',
                '**/apps/**',
              ],
              message:
                'queue-core knows nothing of HTTP or of the apps: put HTTP code in libs/http or the app',
            },
            {
              group: ['@nestjs/common'],
              importNamePattern: '^Http|Exception$',
              message:
                'queue-core throws domain errors (errors/); libs/http maps them to HTTP statuses',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/http/**/*.ts', 'libs/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/*/src/**', '@jobq/*/src/**'],
              message: "import a library through its public surface ('@jobq/<lib>'), not its files",
            },
          ],
        },
      ],
    },
  },
);
