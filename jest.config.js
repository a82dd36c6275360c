/** One jest run for unit, resolver, contract and browser tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // CI runs on 2 cores with browser and process-spawning suites side by side: room for a slow moment.
  testTimeout: 20_000,
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node',
          jsx: 'react-jsx',
          esModuleInterop: true,
        },
      },
    ],
  },
  // Design System packages require their compiled CSS; component tests do not need it.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/ui/support/style-stub.js' },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
