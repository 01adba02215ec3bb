/**
 * Three projects: fast units, integration tests that boot the playground's Strapi in-process,
 * and browser tests (e2e) that drive Chromium against the built playground started once.
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }];
// package.json `imports`: code shared by admin/ and server/ (see shared/).
const moduleNameMapper = { '^#shared/(.*)$': '<rootDir>/shared/$1' };

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      globalSetup: '<rootDir>/tests/integration/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/integration/helpers/global-teardown.js',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      globalSetup: '<rootDir>/tests/e2e/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/e2e/helpers/global-teardown.js',
    },
  ],
};
