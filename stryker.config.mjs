/**
 * Mutation testing of one folder of src/ (docs/mutation.md). `npm run mutate -- resolve` sets
 * MUTATE_FOLDER through stryker/run.mjs; each folder has its own test set, incremental file and report.
 */
import baseJest from './jest.config.js';

const FOLDERS = {
  // scenarios.test.ts runs the CLI against the stand-in over HTTP (45 tests, most of the 16 s a run
  // takes): each mutant would pay for it. The resolver's rules are pinned by the in-process tests.
  resolve: {
    tests: ['<rootDir>/test/resolve/**/*.test.ts'],
    ignore: ['/test/resolve/scenarios\\.test\\.ts$'],
    fast: false,
  },
  // Each mutant reruns every test that reaches it. property.test.ts counts its 50,000 cases (~45 s)
  // and url-forms.test.ts runs the real encoders (python3, php, go, java, curl, jq): left out, as are
  // the slow tests listed in stryker/leave-out.mjs; the other properties run capped
  // (stryker/fast-check.mjs). `npm test` runs everything in full.
  mask: {
    tests: ['<rootDir>/test/mask/**/*.test.ts'],
    ignore: ['/test/mask/property\\.test\\.ts$', '/test/mask/url-forms\\.test\\.ts$'],
    fast: true,
  },
};

const folder = process.env.MUTATE_FOLDER ?? 'resolve';
const set = FOLDERS[folder];
if (!set) throw new Error(`MUTATE_FOLDER=${folder}: expected one of ${Object.keys(FOLDERS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs in ESM mode (scripts/jest.mjs does the same).
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch: set.tests,
      testPathIgnorePatterns: ['/node_modules/', ...set.ignore],
      // jest.config.js's workerIdleMemoryLimit makes jest 29 run the files in a worker even with
      // Stryker's runInBand, and a worker reports no per-test coverage to Stryker (the dry run fails:
      // "Missing coverage results"). null lifts it: one process, as Stryker expects.
      workerIdleMemoryLimit: null,
      // Which file loads which static mutant (for stryker/sequencer.mjs), then the bail and the loop
      // guard (stryker/guard.mjs); the masker's slow tests are left out (stryker/leave-out.mjs).
      setupFilesAfterEnv: [
        '<rootDir>/stryker/static-by-file.mjs',
        '<rootDir>/stryker/guard.mjs',
        ...(set.fast ? ['<rootDir>/stryker/leave-out.mjs'] : []),
      ],
      ...(set.fast
        ? {
            moduleNameMapper: {
              ...baseJest.moduleNameMapper,
              '^fast-check$': '<rootDir>/stryker/fast-check.mjs',
            },
          }
        : {}),
    },
    // Each mutant loads only the test files that import its file (none of them imports lazily).
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  mutate: [`src/${folder}/**/*.ts`, '!src/**/*.generated.*'],
  // The sandbox needs the sources, tests and configs, not the build or earlier reports.
  ignorePatterns: ['dist', 'coverage', 'reports', '.dist-check', 'bench', 'examples', 'docs'],
  checkers: [],
  concurrency: 1,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: `stryker/incremental/${folder}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  // One sandbox per run under .stryker-tmp/ (removed after a successful run): folders can run at once.
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
