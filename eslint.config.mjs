// Type-aware lint: promises that are not awaited, switches that miss a case and unsafe `any`
// flows are errors, not style. `npm run lint` allows zero warnings.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'jest.config.js',
      'eslint.config.mjs',
      'libs/testing/sequencer.js',
      'libs/testing/environment.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Contracts are the messages between services, validated on receipt (class-validator). The
    // public HTTP API has its own classes in the gateway, so neither drags the other along.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/swagger',
                '@nestjs/swagger/*',
                '@nestjs/common',
                '@nestjs/common/*',
                '@nestjs/platform-fastify',
                '@nestjs/platform-fastify/*',
                'fastify',
                'fastify/*',
                '@fastify/*',
              ],
              message:
                'libs/contracts holds messages between services and knows no HTTP or OpenAPI: ' +
                'put request and response classes in apps/gateway.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/test/**/*.ts',
      'libs/testing/**/*.ts',
      'bench/**/*.ts',
      'chaos/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
