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
  // Two workers on a 2-core machine (jest's default there is one: cores minus one). Much of the run
  // waits on child processes and servers, so two workers keep both cores busy; the slowest files
  // start first (scripts/jest-sequencer.mjs). JEST_WORKERS overrides it (1 runs in one process).
  maxWorkers: Number(process.env.JEST_WORKERS) || 2,
  // Under Stryker a mutant's run loads only the test files whose tests cover it (stryker/sequencer.mjs).
  testSequencer: process.env.MUTATE_FOLDER
    ? '<rootDir>/stryker/sequencer.mjs'
    : '<rootDir>/scripts/jest-sequencer.mjs',
  // A worker grows by tens of MB with each ESM test file; past this it is replaced after its file.
  // Many files start processes, and the kernel's fork copies the page tables of the whole worker:
  // a small worker starts children faster (and collects garbage in less).
  // Not under Stryker (npm run mutate sets MUTATE_FOLDER): with a memory limit jest uses workers even
  // when told to run in band, and the per-test coverage Stryker collects in its own process is lost
  // ("Missing coverage results for: ...", the initial test run fails).
  workerIdleMemoryLimit: process.env.MUTATE_FOLDER ? undefined : '600MB',
  // `npm run test:unit` (JEST_UNIT=1): the fast in-process part, without the files that start real
  // clients, servers and the built dist/ in child processes, and without the masker's property run.
  ...(process.env.JEST_UNIT
    ? {
        testPathIgnorePatterns: [
          '/node_modules/',
          '/test/(reliability|package|component)/',
          '/test/credentials/(real-|clients)',
          '/test/action/local-action',
          '/test/mask/property',
        ],
      }
    : {}),
};
