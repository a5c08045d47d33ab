/**
 * Mutation runs (a jest setup file, after stryker/static-by-file.mjs, before stryker/leave-out.mjs). Two things make a
 * mutant cheap without changing which tests judge it:
 *
 * - Bail: Stryker's jest runner cannot stop jest at the first failure (jest has no programmatic bail),
 *   so a killed mutant used to run every remaining test that covers it. Once a test fails with a
 *   mutant active, the later tests of the same mutant run (its testFilter) return at once: the mutant
 *   is already killed, as Stryker's own bail would have it. Survivors still run every covering test.
 * - Loops that never end: Stryker's hit limit is 100 times the hits the mutant had over the whole dry
 *   run, reached only after minutes when the loop sits in the first of many tests, and its timeout
 *   (1.5 x the covering tests' time + timeoutMS) is as long. Here the dry run records, per test, how
 *   often each mutant was hit; in a mutant run a test may hit the active mutant at most HIT_FACTOR
 *   times that (plus HIT_SLACK) before the instrumented code throws Stryker's "Hit count limit
 *   reached". The run then reports a Timeout (Stryker's status for a mutant that does not finish).
 *
 * `npm test` never loads this file.
 */
/* global expect, afterAll */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HIT_FACTOR = Number(process.env.MUTATE_HIT_FACTOR ?? 20);
const HIT_SLACK = 100_000;
const HITS_FILE = 'stryker-hits-per-test.json'; // in the sandbox (the test runner's cwd)

const ns = globalThis[globalThis.__strykerGlobalNamespace__ ?? '__stryker__'];
const activeMutant = () => process.env.__STRYKER_ACTIVE_MUTANT__;
const testName = () => expect.getState().currentTestName ?? '';

if (ns) {
  // One accessor on the context Stryker shares across test files and runs. Stryker sets hitLimit at
  // the start of each mutant run (the setter keeps it and starts the run afresh); the instrumented code
  // reads it on every hit of the active mutant, and Stryker once more after the run.
  if (!Object.getOwnPropertyDescriptor(ns, 'hitLimit')?.get) {
    let strykerLimit = ns.hitLimit;
    Object.defineProperty(ns, 'hitLimit', {
      configurable: true,
      enumerable: true,
      get() {
        const g = ns.guard;
        if (g.tripped) return -1;
        if (g.testLimit !== undefined && ns.hitCount > g.testLimit) {
          g.tripped = true;
          return -1;
        }
        return strykerLimit;
      },
      set(v) {
        strykerLimit = v;
        ns.guard.tripped = false;
        ns.guard.bailed = undefined;
      },
    });
  }
  ns.guard ??= { hits: undefined, dirty: false, bailed: undefined, tripped: false, testLimit: undefined };
}

/** Per test name, the hits of each mutant in the dry run ({ [mutantId]: hits }). */
function hitsPerTest() {
  const g = ns.guard;
  if (g.hits === undefined) g.hits = existsSync(HITS_FILE) ? JSON.parse(readFileSync(HITS_FILE, 'utf8')) : {};
  return g.hits;
}

function guarded(fn) {
  return async function guardedTest(...args) {
    const mutant = activeMutant();
    const g = ns.guard;
    if (mutant === undefined) {
      // Dry run: remember this test's hits per mutant (perTest coverage is keyed by the same name).
      await fn.apply(this, args);
      const cov = ns.mutantCoverage?.perTest?.[ns.currentTestId ?? ''];
      if (cov) {
        hitsPerTest()[testName()] = { ...cov };
        g.dirty = true;
      }
      return;
    }
    if (g.bailed === mutant) return; // killed by an earlier test
    const hits = hitsPerTest()[testName()]?.[mutant];
    if (hits !== undefined) {
      ns.hitCount ??= 0;
      g.testLimit = ns.hitCount + HIT_FACTOR * hits + HIT_SLACK;
    }
    try {
      await fn.apply(this, args);
    } catch (e) {
      g.bailed = mutant;
      throw e;
    } finally {
      g.testLimit = undefined;
    }
  };
}

if (ns) {
  afterAll(() => {
    if (!ns.guard.dirty) return;
    writeFileSync(HITS_FILE, JSON.stringify(ns.guard.hits));
    ns.guard.dirty = false;
  });

  // Tests taking a done callback (none in test/mask today) are left as they are.
  const wrapFn = (fn) => (typeof fn === 'function' && fn.length === 0 ? guarded(fn) : fn);
  const wrap = (target) =>
    new Proxy(target, {
      apply(t, self, [name, fn, ...rest]) {
        return Reflect.apply(t, self, [name, wrapFn(fn), ...rest]);
      },
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver);
        if (prop === 'each') {
          // jest-each calls the function with the row's values; the wrapper passes them on.
          return (...table) =>
            (name, fn, ...rest) =>
              v(...table)(name, typeof fn === 'function' ? guarded(fn) : fn, ...rest);
        }
        if (prop === 'only') return wrap(v);
        return v;
      },
    });
  globalThis.test = wrap(globalThis.test);
  globalThis.it = globalThis.test;
}
