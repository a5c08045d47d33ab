/**
 * Mutation runs (a jest setup file, first in the list): which test file loads which "static" mutant.
 *
 * A mutant that runs while no test is running (a module's top level, a table a test file builds at
 * import, a beforeAll) is static: Stryker cannot tie it to a test, so it reruns every test of every
 * related file for it, and stryker/sequencer.mjs kept all of them. In the dry run, jest runs the test
 * files one after another in this process and Stryker counts static hits in one shared object, so the
 * hits that appear between this file's start and its last afterAll are this file's. The sequencer
 * then keeps, for a static mutant, the files that hit it (a mutant hit nowhere we can see, e.g. only
 * in a test file's own afterAll, still runs every related file).
 *
 * `npm test` never loads this file.
 */
/* global afterAll, expect */
const ns = globalThis[globalThis.__strykerGlobalNamespace__ ?? '__stryker__'];

if (ns && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  const before = { ...(ns.mutantCoverage?.static ?? {}) };
  afterAll(() => {
    const now = ns.mutantCoverage?.static ?? {};
    const hit = Object.keys(now).filter((id) => now[id] !== before[id]);
    ns.staticByFile ??= {};
    const file = expect.getState().testPath;
    if (file) ns.staticByFile[file] = [...(ns.staticByFile[file] ?? []), ...hit];
  });
}
