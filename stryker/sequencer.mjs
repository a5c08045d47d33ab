/**
 * Jest's test sequencer under Stryker (jest.config.js picks it when MUTATE_FOLDER is set): a mutant's
 * run loads only the test files that hold a test covering it.
 *
 * Stryker's jest runner narrows each mutant's run to its covering tests by name (testNamePattern),
 * but jest still loads every test file related to the mutated file, and loading (the module graph of
 * msw, the stand-in, the resolver) is most of a mutant's time. In the initial run (per-test coverage)
 * this records which test files hold the tests that cover each mutant; in a mutant's run it keeps
 * those files only. A mutant covered while modules load (static) keeps the files whose loading hit it
 * (stryker/static-by-file.mjs). A mutant unknown to the record, hit statically where no file can be
 * named, or with no such file among the related ones runs every related file, as without this
 * sequencer.
 *
 * The record lives in the sandbox (the test runner's working directory) and dies with it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import SlowFirst from '../scripts/jest-sequencer.mjs';

const ACTIVE = '__STRYKER_ACTIVE_MUTANT__';
const RECORD = '.stryker-covering-files.json';

/** The jest runner's shared state (coverage of the run in progress), when running under Stryker. */
function strykerState() {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@stryker-mutator/jest-runner/package.json'));
    return require(join(dir, 'dist/src/jest-plugins/messaging.cjs')).state;
  } catch {
    return undefined;
  }
}

let record;
function coveringFiles(id) {
  if (record === undefined) {
    const file = join(process.cwd(), RECORD);
    if (!existsSync(file)) return undefined;
    record = JSON.parse(readFileSync(file, 'utf8'));
  }
  return record[id];
}

export default class CoveringFilesOnly extends SlowFirst {
  sort(tests) {
    const id = process.env[ACTIVE];
    const files = id === undefined ? undefined : coveringFiles(id);
    if (files === undefined || files === '*') return super.sort(tests);
    const keep = new Set(files);
    const kept = tests.filter((t) => keep.has(resolve(t.path)));
    return super.sort(kept.length > 0 ? kept : tests);
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    const state = strykerState();
    if (process.env[ACTIVE] !== undefined || state?.coverageAnalysis !== 'perTest') return;
    const coverage = state.instrumenterContext?.mutantCoverage;
    if (!coverage) return;
    const fileOf = new Map();
    for (const suite of results.testResults) {
      for (const t of suite.testResults) fileOf.set(t.fullName, resolve(suite.testFilePath));
    }
    const out = {};
    for (const [testId, hits] of Object.entries(coverage.perTest ?? {})) {
      const file = fileOf.get(testId);
      for (const mutant of Object.keys(hits)) {
        if (file === undefined) out[mutant] = '*';
        else if (out[mutant] === undefined) out[mutant] = [file];
        else if (out[mutant] !== '*' && !out[mutant].includes(file)) out[mutant].push(file);
      }
    }
    // A static mutant: the files whose loading hit it (stryker/static-by-file.mjs), else every file.
    const staticFiles = new Map();
    for (const [file, ids] of Object.entries(state.instrumenterContext.staticByFile ?? {})) {
      for (const id of ids) staticFiles.set(id, [...(staticFiles.get(id) ?? []), resolve(file)]);
    }
    for (const mutant of Object.keys(coverage.static ?? {})) {
      const files = staticFiles.get(mutant);
      if (files === undefined || out[mutant] === '*') out[mutant] = '*';
      else out[mutant] = [...new Set([...(out[mutant] ?? []), ...files])];
    }
    writeFileSync(join(process.cwd(), RECORD), JSON.stringify(out));
    record = out;
  }
}
