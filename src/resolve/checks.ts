/**
 * What the job does with the token: scopes, the dependency proxy, Git LFS, expiry, the 15.1–15.3
 * flag (docs/gitlab-rules.md, "Scopes", "Dependency proxy", "Git LFS"). Pure; applied to the token a decision found.
 *
 * - Scopes: app/models/deploy_token.rb `AVAILABLE_SCOPES`; pushing images needs read_registry as
 *   well as write_registry (doc/user/project/deploy_tokens: "You need both read and write access to
 *   push images"; app/services/auth/container_registry_authentication_service.rb grants each action
 *   by its own ability).
 * - Dependency proxy: `DeployToken#valid_for_dependency_proxy?` — a group token, active, with
 *   read+write registry or read+write virtual registry.
 * - LFS: app/controllers/concerns/lfs_request.rb checked `deploy_token.project == project` (group
 *   tokens refused, issue 235398) until `has_access_to?` (MR !104529, 15.7).
 */
import {
  DEPLOY_TOKEN_SCOPES,
  impliedScopes,
  REGISTRY_SCOPES,
  scopeExistsIn,
  VIRTUAL_REGISTRY_SCOPES,
} from '../gitlab/scopes.js';
import { daysLeft, formatInstant } from './activity.js';
import type { Decision } from './judge.js';
import { describeToken, summarize } from './messages.js';
import type { ResolveInput, ResolveWarning, TokenSummary } from './types.js';
import {
  DEPENDENCY_PROXY_DEPLOY_TOKENS,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG,
  groupTokenBehindFlag,
  LFS_GROUP_TOKENS,
  reached,
  releaseText,
} from '../gitlab/version.js';

/** Apply every check to a decision that found a token (credentials here, or for the job at run time). */
export function checkToken(input: ResolveInput, d: Decision, version: string | undefined): Decision {
  if (!d.token || !(d.ok || d.forJob?.ok)) return d;
  const t = summarize(d.token.token, d.token.level, d.token.owner);
  const warnings = [...d.warnings, ...tokenWarnings(input, t, d.rule, version)];
  const blocked = scopeProblem(input, t) ?? proxyProblem(input, d.token.token.scopes, t);
  if (!blocked) return { ...d, warnings };
  return {
    ...d,
    ...blocked,
    ok: false,
    warnings,
    considered: d.considered,
    ...(d.forJob ? { forJob: { ok: false, line: blocked.reason as string } } : {}),
  };
}

function tokenWarnings(
  input: ResolveInput,
  t: TokenSummary,
  rule: string,
  version: string | undefined,
): ResolveWarning[] {
  const out: ResolveWarning[] = [];
  const left = daysLeft({ expires_at: t.expiresAt }, input.now);
  if (left !== null && left < input.minDaysLeft) {
    const days = Math.max(0, Math.floor(left));
    out.push({
      code: 'expiring-soon',
      message: `${describeToken(t)} expires in ${days} day${days === 1 ? '' : 's'}, at ${formatInstant(new Date(t.expiresAt as string))} (less than ${input.minDaysLeft}); rotate it`,
    });
  }
  if (input.version && rule === 'group-token' && groupTokenBehindFlag(input.version)) {
    out.push({
      code: 'feature-flag',
      message: `GitLab ${version} exposes group tokens behind the feature flag ci_variable_for_group_gitlab_deploy_token (on by default, removed in 15.4); if an administrator turned it off, jobs get nothing`,
    });
  }
  if (t.level === 'group' && input.job?.lfs && !(input.version && reached(input.version, LFS_GROUP_TOKENS))) {
    const v = input.version
      ? `GitLab ${version} answers`
      : `GitLab before ${releaseText(LFS_GROUP_TOKENS)} answered`;
    out.push({
      code: 'group-token-lfs',
      message: `job ${input.job.name} uses Git LFS with a group deploy token: ${v} 404 for LFS objects with group tokens until ${releaseText(LFS_GROUP_TOKENS)} (issue 235398, MR !104529); use a project deploy token, or upgrade`,
    });
  }
  return out;
}

/** The job's scopes (pushing images implies read_registry), and whether this GitLab has them at all. */
function scopeProblem(
  input: ResolveInput,
  t: TokenSummary,
): (Pick<Decision, 'reason' | 'fix' | 'details'> & { missingScopes?: string[] }) | undefined {
  if (!input.job) return undefined;
  // A dependency-proxy job lists the registry pair (validate asks for it), but GitLab takes the
  // virtual-registry pair instead (valid_for_dependency_proxy?): the proxy rule judges those two.
  const proxyPair =
    input.job.dependencyProxy === true && VIRTUAL_REGISTRY_SCOPES.every((s) => t.scopes.includes(s));
  const needed = impliedScopes(input.job.scopes).filter((s) => !(proxyPair && REGISTRY_SCOPES.includes(s)));
  const missing = needed.filter((s) => !t.scopes.includes(s));
  if (missing.length === 0) return undefined;
  const push =
    missing.includes('read_registry') && !input.job.scopes.includes('read_registry')
      ? ' (pushing images needs read_registry as well as write_registry)'
      : '';
  const tooNew = input.version ? missing.filter((s) => !scopeExistsIn(s, input.version as never)) : [];
  const fixScopes = DEPLOY_TOKEN_SCOPES.filter((s) => t.scopes.includes(s) || missing.includes(s));
  return {
    reason: `job ${input.job.name} needs ${missing.join(', ')}${push}, but ${describeToken(t)} has only ${t.scopes.join(', ') || 'no scopes'}`,
    details:
      tooNew.length > 0
        ? [
            `${tooNew.join(', ')} ${tooNew.length === 1 ? 'does' : 'do'} not exist on this GitLab version: upgrade first`,
          ]
        : [],
    fix: `create a new deploy token with the scopes ${fixScopes.join(', ')} (scopes cannot be changed after creation) and revoke this one`,
    missingScopes: missing,
  };
}

/** `DeployToken#valid_for_dependency_proxy?`, with the versions where it changed. */
function proxyProblem(
  input: ResolveInput,
  scopes: string[],
  t: TokenSummary,
): Pick<Decision, 'reason' | 'fix' | 'details'> | undefined {
  if (!input.job?.dependencyProxy) return undefined;
  const v = input.version;
  const has = (pair: readonly string[]) => pair.every((s) => scopes.includes(s));
  const base = `job ${input.job.name} pulls through the dependency proxy`;
  const groupFix =
    'use a group deploy token (Settings > Repository > Deploy tokens on the group) with read_registry and write_registry';
  if (v && !reached(v, DEPENDENCY_PROXY_DEPLOY_TOKENS)) {
    return {
      reason: `${base}, which accepts deploy tokens from GitLab ${releaseText(DEPENDENCY_PROXY_DEPLOY_TOKENS)} on`,
      fix: 'upgrade GitLab, or log in to the dependency proxy with CI_DEPENDENCY_PROXY_USER / CI_DEPENDENCY_PROXY_PASSWORD',
      details: [],
    };
  }
  if (t.level !== 'group') {
    return {
      reason: `${base}, which accepts group deploy tokens only, but ${describeToken(t)} is a project token (DeployToken#valid_for_dependency_proxy?)`,
      fix: groupFix,
      details: [],
    };
  }
  if (has(REGISTRY_SCOPES)) return undefined;
  if (has(VIRTUAL_REGISTRY_SCOPES)) {
    if (!v || reached(v, DEPENDENCY_PROXY_VIRTUAL_SCOPES)) return undefined;
    const flag = reached(v, DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG)
      ? ` only behind the feature flag dependency_proxy_read_write_scopes (off by default) before ${releaseText(DEPENDENCY_PROXY_VIRTUAL_SCOPES)}`
      : ` from ${releaseText(DEPENDENCY_PROXY_VIRTUAL_SCOPES)} on`;
    return {
      reason: `${base}: the virtual-registry scope pair of ${describeToken(t)} works there${flag}`,
      fix: groupFix,
      details: [],
    };
  }
  return {
    reason: `${base}, which needs read_registry and write_registry (or read_virtual_registry and write_virtual_registry), but ${describeToken(t)} has ${scopes.join(', ') || 'no scopes'}`,
    fix: groupFix,
    details: [],
  };
}
