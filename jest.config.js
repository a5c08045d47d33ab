/** Jest in ESM mode: ts-jest only transpiles (tsc --noEmit checks types in `npm test`). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
    '^.+\\.njk$': '<rootDir>/scripts/jest-text-transform.cjs',
  },
  testTimeout: 30000,
};
