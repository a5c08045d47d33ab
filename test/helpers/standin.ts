/** A stand-in GitLab that serves every test of a file: started before the first, closed after the last. */
import { afterAll, beforeAll } from '@jest/globals';
import type { Scenario } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';

export function standinPerFile(
  scenario: Scenario,
  opts: Parameters<typeof startStandin>[1] = {},
): RunningStandin {
  let running: RunningStandin | undefined;
  beforeAll(async () => {
    running = await startStandin(scenario, opts);
  });
  afterAll(() => running?.close());
  const current = (): RunningStandin => {
    if (!running) throw new Error('the stand-in serves inside the tests only');
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get gitlab() {
      return current().gitlab;
    },
    close: () => current().close(),
  };
}
