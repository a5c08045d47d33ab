/** The demo scenarios under fixtures/scenarios/, for tests. */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../src/standin/model.js';

export function loadScenario(file: string): Scenario {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/scenarios/${file}`, import.meta.url), 'utf8'),
  ) as Scenario;
}

/** The same scenario with token `id` given these scopes. */
export function withScopes(sc: Scenario, id: number, scopes: string[]): Scenario {
  return {
    ...sc,
    projects: sc.projects.map((p) => ({
      ...p,
      tokens: (p.tokens ?? []).map((t) => (t.id === id ? { ...t, scopes } : t)),
    })),
  };
}
