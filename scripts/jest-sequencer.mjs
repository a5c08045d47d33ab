/**
 * Test order for two or more workers: the files known to take longest start first, so that no long
 * file starts last and runs alone while the other worker idles. Jest's own order (failed first, then
 * the durations it cached on this machine, then file size) applies to everything else and is used
 * alone once this machine has timings (a clean clone has none, hence the list).
 */
import sequencer from '@jest/test-sequencer';

const Sequencer = sequencer.default; // a CommonJS module

/** Measured slowest first (each file alone, December 2026, after the suite's speed-up). */
const SLOW = [
  'test/mask/property.test.ts',
  'test/reliability/canary.test.ts',
  'test/package/component-e2e.test.ts',
  'test/action/local-action.test.ts',
  'test/provision/rotate.test.ts',
  'test/credentials/real-npm.test.ts',
  'test/package/pack.test.ts',
  'test/reliability/names.test.ts',
  'test/credentials/real-nuget.test.ts',
  'test/credentials/real-registry.test.ts',
];

const rank = (path) => {
  const i = SLOW.findIndex((s) => path.endsWith(s));
  return i === -1 ? SLOW.length : i;
};

export default class SlowFirst extends Sequencer {
  sort(tests) {
    const byJest = super.sort(tests);
    return byJest
      .map((t, i) => ({ t, i, r: rank(t.path) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map(({ t }) => t);
  }
}
