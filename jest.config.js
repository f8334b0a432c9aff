// One jest run, three projects: unit (pure logic), integration (real API, PostgreSQL, Redis),
// e2e (headless Chromium against the built platform). `npm test` provisions the services first.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // NestJS 12 and a few of its dependencies ship ESM only: let swc turn them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uid|load-esm|file-type|cookie|content-disposition|@tus|srvx|token-types|strtok3|@tokenizer)/)'],
  moduleNameMapper: { '^@xueshi/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
  // never crawl .data (live database and media files) or build output
  roots: ['<rootDir>/server', '<rootDir>/shared', '<rootDir>/client'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/client/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/server/test/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/client/e2e/**/*.e2e-spec.ts'] },
  ],
  testTimeout: 60_000,
};
