/**
 * The stand-in GitLab's world: groups, projects, deploy tokens (with their secrets, which only the
 * stand-in knows, as GitLab does), CI/CD variables, the version. Scenarios are JSON under
 * `fixtures/scenarios/`; expiry dates may be relative to "today" (`"+30d"`, `"-1d"`, `"+0d"` = today
 * at 00:00 UTC, i.e. dead since midnight) so a scenario means the same on any day.
 */
import type { CiVariable } from '../gitlab/types.js';

export interface ScenarioToken {
  id: number;
  name: string;
  /** Default `gitlab+deploy-token-{id}`, as GitLab names them; `""` is answered as stored (an empty username). */
  username?: string;
  /** null = never; `"+Nd"`/`"-Nd"` = N days from today 00:00 UTC; else an ISO date or instant. */
  expires?: string | null;
  revoked?: boolean;
  scopes: string[];
  /** The secret. The API never returns it after creation. */
  token: string;
}

export interface ScenarioGroup {
  id: number;
  full_path: string;
  parent_id?: number | null;
  tokens?: ScenarioToken[];
  variables?: CiVariable[];
}

export interface ScenarioProject {
  id: number;
  path_with_namespace: string;
  /** The namespace: a group id, or null for a user namespace. */
  namespace_id: number | null;
  tokens?: ScenarioToken[];
  variables?: CiVariable[];
  /** Protected branch names and wildcards (`release/*`), as `GET .../protected_branches` lists them. */
  protectedBranches?: string[];
  /** Protected tag names and wildcards (`v*`). */
  protectedTags?: string[];
}

/**
 * Who an API token belongs to, for the stand-in's permission checks. Tokens listed in `apiTokens`
 * without an entry here act as an administrator with the `api` scope.
 */
export interface ScenarioApiUser {
  token: string;
  id: number;
  username: string;
  admin?: boolean;
  /** The token's scopes (`api`, `read_api`, ...). */
  scopes: string[];
  /** Membership: full path of a group or project → access level (30 Developer, 40 Maintainer, 50 Owner). Inherited by everything below. */
  access?: Record<string, number>;
}

export interface Scenario {
  name: string;
  title: string;
  description: string;
  version: string;
  /** PRIVATE-TOKENs the stand-in accepts. */
  apiTokens: string[];
  /** Users and scopes behind some of those tokens (default: administrator, `api`). */
  apiUsers?: ScenarioApiUser[];
  groups: ScenarioGroup[];
  projects: ScenarioProject[];
  /** The project a demo job runs in. */
  project: string;
  /** What the runner would inject into the job (the demo plays the runner). */
  jobEnv?: Record<string, string>;
  /** The spec's fallback, for scenarios that use it. */
  expectExit?: number;
}

const DAY_MS = 86_400_000;

/** Resolve a scenario expiry against `now`: relative days count from today's 00:00 UTC. */
export function expiryInstant(expires: string | null | undefined, now: Date): string | null {
  if (expires === null || expires === undefined) return null;
  const rel = /^([+-]\d+)d$/.exec(expires);
  if (rel) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(midnight + Number(rel[1]) * DAY_MS).toISOString();
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires);
  return d.toISOString();
}
