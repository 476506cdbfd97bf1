// Unit tests live beside each package (packages/*/test) and run against the sources;
// cluster tests (test/) start real daemons from the built CLI, so `npm test` builds first.
const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^@tsmr/([a-z]+)$': '<rootDir>/packages/$1/src' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'] },
    { ...shared, displayName: 'cluster', testMatch: ['<rootDir>/test/**/*.test.ts'] },
  ],
};
