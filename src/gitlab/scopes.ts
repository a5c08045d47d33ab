/**
 * Deploy-token scopes: the one list every part of deploy-token uses (spec, validate, provision,
 * resolve, the stand-in GitLab). GitLab's list is `DeployToken::AVAILABLE_SCOPES` in
 * app/models/deploy_token.rb; the version each scope arrived in is in docs/gitlab-rules.md
 * ("Scopes").
 */
import { atLeast, type GitLabVersion } from './version.js';

/** app/models/deploy_token.rb `AVAILABLE_SCOPES`, in GitLab's order. */
export const DEPLOY_TOKEN_SCOPES = [
  'read_repository',
  'read_registry',
  'write_registry',
  'read_package_registry',
  'write_package_registry',
  'read_virtual_registry',
  'write_virtual_registry',
] as const;

export type Scope = (typeof DEPLOY_TOKEN_SCOPES)[number];

/**
 * The GitLab version each scope can first be given to a deploy token (docs/gitlab-rules.md, "Scopes"):
 * deploy tokens arrived in 10.7 with read_repository and read_registry; write_registry in 12.10
 * (issue 22743); the package registry scopes in 13.0 (issue 213566); read_virtual_registry's column
 * in 17.3 and write_virtual_registry in 17.9 (db/migrate milestones, MR !174496).
 */
export const SCOPE_SINCE: Readonly<Record<Scope, readonly [major: number, minor: number]>> = {
  read_repository: [10, 7],
  read_registry: [10, 7],
  write_registry: [12, 10],
  read_package_registry: [13, 0],
  write_package_registry: [13, 0],
  read_virtual_registry: [17, 3],
  write_virtual_registry: [17, 9],
};

export function isScope(s: string): s is Scope {
  return (DEPLOY_TOKEN_SCOPES as readonly string[]).includes(s);
}

/** Whether a deploy token can have `scope` on GitLab `v`. */
export function scopeExistsIn(scope: Scope, v: GitLabVersion): boolean {
  const [major, minor] = SCOPE_SINCE[scope];
  return atLeast(v, major, minor);
}

/** lib/gitlab/auth.rb `REGISTRY_SCOPES`: the container registry pair. */
export const REGISTRY_SCOPES: readonly Scope[] = ['read_registry', 'write_registry'];
/** lib/gitlab/auth.rb `VIRTUAL_REGISTRY_SCOPES`: the dependency proxy's own pair. */
export const VIRTUAL_REGISTRY_SCOPES: readonly Scope[] = ['read_virtual_registry', 'write_virtual_registry'];

/**
 * Pushing an image needs read_registry as well as write_registry (doc/user/project/deploy_tokens:
 * "You need both read and write access to push images"): the scopes a job's list implies.
 */
export function impliedScopes(scopes: readonly Scope[]): Scope[] {
  const out = new Set<Scope>(scopes);
  if (out.has('write_registry')) out.add('read_registry');
  return DEPLOY_TOKEN_SCOPES.filter((s) => out.has(s));
}
