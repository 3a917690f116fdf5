// Two projects: `unit` (pure logic beside the code, *.spec.ts) and `integration`
// (apps/*/test/*.int-spec.ts, against real PostgreSQL and NATS). `npm test` runs both.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swcTransform },
  // NestJS 12 and a few of its dependencies ship only ES modules: let SWC turn them into CommonJS.
  // So do some of openapi-typescript's (the contract test generates the client types in memory);
  // they sit under its own node_modules, so openapi-typescript is listed too.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|jose|cookie|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|@nats-io|idn-area-data|uid|openapi-typescript|parse-json|index-to-position|change-case|supports-color)/)',
  ],
  moduleNameMapper: {
    '^@satupintu/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration suites start services as processes; their hooks need more than the default 5 s.
  testTimeout: 60000,
  // `*.last.int-spec.ts` after everything else: they check what the whole run left behind.
  testSequencer: '<rootDir>/libs/testing/sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts,chaos}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts',
        '<rootDir>/scripts/test/**/*.int-spec.ts',
      ],
      testEnvironment: '<rootDir>/libs/testing/environment.js',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/stop-leaked-processes.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
