/**
 * fast-check for mutation runs only (stryker.config.mjs maps `fast-check` here): every property runs
 * at most MUTATE_FC_RUNS cases (default 200) instead of its thousands. Each mutant reruns every test
 * that reaches it, so full-size properties would take hours; a mutant that survives the capped run
 * may still be killed by the full one, so the score is a lower bound. `npm test` is unchanged.
 */
import fc from '../node_modules/fast-check/lib/fast-check.js';

const CAP = Number(process.env.MUTATE_FC_RUNS ?? 200);

export function assert(property, params = {}) {
  return fc.assert(property, { ...params, numRuns: Math.min(params.numRuns ?? 100, CAP) });
}

export * from '../node_modules/fast-check/lib/fast-check.js';
export default { ...fc, assert };
