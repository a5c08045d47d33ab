/** The rules of the catalog (rules/catalog.ts): as a list sorted by id, and by id. */
import type { Rule } from './rule.js';
import * as catalog from './rules/catalog.js';

/** Every rule, sorted by id (a module namespace has no order of its own worth keeping). */
export const RULES: readonly Rule[] = Object.values<Rule>(catalog).sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
