/**
 * What `provision` works on, shared by its steps: the two variables, where a token and its variables
 * live, what a variable was before a run touched it, the journal of changes, and the outcome.
 */
import { DeployTokenError, GitLabApiError } from '../core/errors.js';
import { getVariable, type Level } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { CiVariable, DeployToken } from '../gitlab/types.js';
import { maskString } from '../mask/index.js';
import { formatInstant } from '../resolve/activity.js';
import type { ProvisionRequest } from './request.js';

export const VARIABLE_KEYS = ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'] as const;
export type Key = (typeof VARIABLE_KEYS)[number];

export interface Holder {
  level: Level;
  id: number;
  path: string;
}

export const where = (h: Holder) => `${h.level === 'groups' ? 'group' : 'project'} ${h.path}`;

/** A deploy token as GitLab answers its creation: the only time the secret is shown. */
export type NewToken = DeployToken & { token: string };

export interface ProvisionDeps {
  client: GitLabClient;
  now: () => Date;
  /** Progress lines (stderr); never a secret. */
  log: (line: string) => void;
}

export interface ProvisionOutcome {
  exitCode: 0 | 1 | 2 | 3;
  /** The new token with its secret, when one was created and kept. */
  created?: NewToken;
  owner?: Holder;
  /** What GitLab holds now, one line each: the promise "says exactly what state it left". */
  state: string[];
  /** With --dry-run: what would be done, step by step. */
  dryRunSteps?: string[];
  /** Why it failed, when it did. */
  error?: string;
  hint?: string;
}

/** A variable as it was before we touched it (undefined: absent). */
export type Snapshot = CiVariable | undefined;

/** Where a run works and what was there before it: found and read before any change. */
export interface Before {
  owner: Holder;
  vars: Holder | undefined;
  /** The active tokens of the requested name on the owner (a rotation deletes them). */
  current: DeployToken[];
  /** Every token of the owner, active or not (to tell a new one apart). */
  all: DeployToken[];
  snapshot: Map<Key, Snapshot>;
}

/** What became of one variable during a run: as before, the new value, or not known. */
export type VarState = 'old' | 'new' | 'unknown';

export interface Journal {
  created?: NewToken;
  /** Each variable written (or being written): `done` once GitLab answered, `unknown` while it may have applied. */
  writes: Map<Key, 'done' | 'unknown'>;
  deleted: DeployToken[];
  /** Old tokens whose delete may have applied (answer lost, and the check failed too). */
  maybeDeleted: DeployToken[];
  /** A creation whose answer was lost: what the search for the token found. */
  orphans?: OrphanSearch;
}

export interface OrphanSearch {
  deleted: number[];
  /** Found but not deleted. */
  left: number[];
  /** The search itself failed: a token may exist. */
  unknown: boolean;
}

export async function readVariable(client: GitLabClient, h: Holder, key: Key): Promise<Snapshot> {
  try {
    return await getVariable(client, h.level, h.id, key, '*');
  } catch (e) {
    if (e instanceof DeployTokenError && (e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** Why a step failed, with the secrets of the run masked, and the exit code it means. */
export function describe(
  e: unknown,
  secrets: readonly string[] = [],
): { message: string; hint?: string; code: 1 | 2 | 3 } {
  if (e instanceof DeployTokenError) {
    // 403 (role, token scope) is GitLab's no, 401 and 404 a wrong request (src/core/errors.ts).
    const code: 1 | 2 | 3 = e.exitCode === 0 ? 3 : e.exitCode;
    return {
      message: maskString(e.message, secrets),
      ...(e.hint ? { hint: maskString(e.hint, secrets) } : {}),
      code,
    };
  }
  return { message: maskString((e as { message?: string })?.message ?? String(e), secrets), code: 3 };
}

export function tokenLine(t: DeployToken): string {
  return `#${t.id} ${t.name} (${t.username}; ${t.scopes.join(', ')}; ${t.expires_at ? `expires ${shownInstant(t.expires_at)}` : 'never expires'})`;
}

export const same = (a: CiVariable['variable_type'], b: 'env_var' | 'file' | undefined) =>
  (a ?? 'env_var') === (b ?? 'env_var');

/** --protected asks for it; a variable that was protected stays so (unprotecting it would widen who reads it). */
export function wantProtected(req: ProvisionRequest, before: Snapshot): boolean {
  return req.protected || before?.protected === true;
}

/** The value a variable holds once it names the new token. */
export const newValue = (k: Key, created: NewToken) =>
  k === 'CI_DEPLOY_USER' ? created.username : created.token;

/** A 403 or 404: GitLab will not show that to this API token. */
export const isHiddenFromUs = (e: unknown) =>
  e instanceof GitLabApiError && (e.status === 403 || e.status === 404);

/** An instant from GitLab or a flag as text output shows instants (`2027-03-02 00:00 UTC`); as given when it is not one. */
export function shownInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatInstant(d);
}
