/**
 * The audit's decisions, pure: a gathered tree and a clock in, token rows and findings out.
 * GitLab's rules (GITLAB_FACTS §1): a token is active iff not revoked and expires_at is null or in
 * the future; a project's CI_DEPLOY_USER/PASSWORD come from its own active `gitlab-deploy-token`,
 * else from its DIRECT parent group's; CI/CD variables with those names override both; a group
 * token can log in to projects of the group and all its subgroups.
 */
import { ephemeralCreatedAt, isEphemeralName } from '../provision/ephemeral-name.js';
import { formatInstant, isSpecial, tokenActivity } from '../resolve/activity.js';
import { exposesGroupDeployToken, parseGitLabVersion } from '../resolve/version.js';
import type { DeployToken } from '../gitlab/types.js';
import {
  PASSWORD_KEY,
  USER_KEY,
  type AuditGroup,
  type AuditProject,
  type AuditResult,
  type AuditSettings,
  type AuditTree,
  type AuditVariable,
  type Finding,
  type Severity,
  type TokenRow,
} from './types.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const TOKENS_PAGE = 'Settings > Repository > Deploy tokens';
const VARIABLES_PAGE = 'Settings > CI/CD > Variables';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `4 days 14 hours`, `13 hours`, `25 minutes` (rounded down). */
export function formatDuration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / MINUTE_MS));
  const d = Math.floor(m / (24 * 60));
  const h = Math.floor((m % (24 * 60)) / 60);
  if (d > 0) return h > 0 ? `${plural(d, 'day')} ${plural(h, 'hour')}` : plural(d, 'day');
  if (h > 0) return plural(h, 'hour');
  return plural(m % 60, 'minute');
}

type Holder = AuditGroup | AuditProject;

const describe = (t: DeployToken) => `deploy token #${t.id} "${t.name}" (${t.username})`;
const scopeOf = (v: AuditVariable) => `environment scope "${v.environmentScope}"`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function auditFindings(tree: AuditTree, settings: AuditSettings): AuditResult {
  const { now } = settings;
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const active = (t: DeployToken) => tokenActivity(t, now).active;
  const groupById = new Map(tree.groups.map((g) => [g.id, g]));
  const holders: Holder[] = [...tree.groups, ...tree.projects];

  /** The groups of the tree from `id` upward (the group itself first). */
  const groupChain = (id: number | null): AuditGroup[] => {
    const out: AuditGroup[] = [];
    const seen = new Set<number>();
    for (let g = id === null ? undefined : groupById.get(id); g && !seen.has(g.id);) {
      seen.add(g.id);
      out.push(g);
      g = g.parentId === null ? undefined : groupById.get(g.parentId);
    }
    return out;
  };
  /** The active gitlab-deploy-token GitLab picks on one holder (lowest id when several: LIMIT 1 is unspecified). */
  const specialOf = (tokens: DeployToken[]): DeployToken | undefined =>
    tokens.filter((t) => isSpecial(t) && active(t)).sort((a, b) => a.id - b.id)[0];
  const version = tree.version === undefined ? undefined : parseGitLabVersion(tree.version);
  /** GitLab ≤ 15.0 exposes only project tokens (GITLAB_FACTS §2); unknown version: assume 15.1+. */
  const groupTokensExposed = version === undefined || exposesGroupDeployToken(version);
  /** What GitLab exposes to a project's jobs: its own token, else its direct parent group's (app/models/project.rb). */
  const exposed = (p: AuditProject): { token: DeployToken; from: string } | undefined => {
    const own = specialOf(p.tokens);
    if (own) return { token: own, from: p.fullPath };
    if (!groupTokensExposed) return undefined;
    const parent = groupById.get(p.namespaceId);
    const inherited = parent ? specialOf(parent.tokens) : undefined;
    return inherited && parent ? { token: inherited, from: parent.fullPath } : undefined;
  };

  // --- every token: the table, activity, expiry, ephemeral leftovers
  const tokens: TokenRow[] = [];
  for (const h of holders) {
    for (const t of [...h.tokens].sort((a, b) => a.id - b.id)) {
      const act = tokenActivity(t, now);
      const state = act.active ? 'active' : act.reason;
      tokens.push({
        level: h.kind,
        owner: h.fullPath,
        id: t.id,
        name: t.name,
        username: t.username,
        scopes: [...t.scopes],
        expiresAt: act.expiresAt ? act.expiresAt.toISOString() : null,
        active: act.active,
        state,
      });
      const base = { where: h.fullPath, tokenId: t.id };
      if (!act.active) {
        const why =
          act.reason === 'revoked'
            ? 'is revoked'
            : `expired at ${formatInstant(act.expiresAt)} (GitLab stops accepting a token at midnight UTC of its expiry date)`;
        add({
          ...base,
          severity: 'info',
          code: 'inactive-token',
          message: `${describe(t)} ${why}: GitLab neither exposes it to jobs nor accepts it. Delete it in ${TOKENS_PAGE} to tidy the list.`,
        });
      } else if (act.expiresAt === null) {
        add({
          ...base,
          severity: 'warning',
          code: 'never-expires',
          message: `${describe(t)} never expires: a leaked copy works forever. Create a replacement with an expiry date, switch to it, then delete this one.`,
        });
      } else {
        const left = act.expiresAt.getTime() - now.getTime();
        // Ephemeral tokens are short-lived on purpose: their expiry is no news (leftovers are below).
        if (left <= settings.expiringWithinDays * DAY_MS && !isEphemeralName(t.name)) {
          add({
            ...base,
            severity: 'warning',
            code: 'expiring-soon',
            message: `${describe(t)} expires in ${formatDuration(left)} (${formatInstant(act.expiresAt)}). Create a replacement before then${isSpecial(t) ? ' (jobs lose CI_DEPLOY_USER/CI_DEPLOY_PASSWORD when it dies)' : ''}.`,
          });
        }
      }
      if (isEphemeralName(t.name)) {
        const created = ephemeralCreatedAt(t.name);
        const age = created ? now.getTime() - created.getTime() : undefined;
        const reason = !act.active
          ? `is no longer active (${state})`
          : age === undefined
            ? 'has a name that records no readable creation time'
            : age > settings.ephemeralOlderThanMs
              ? `was created ${formatDuration(age)} ago (${formatInstant(created as Date)})`
              : undefined;
        if (reason) {
          add({
            ...base,
            severity: 'warning',
            code: 'leftover-ephemeral',
            message: `ephemeral ${describe(t)} ${reason}: the job that made it did not clean up. Run \`deploy-token cleanup --ephemeral\` or delete it in ${TOKENS_PAGE}.`,
          });
        }
      }
    }
  }

  // --- several active gitlab-deploy-token on one holder
  for (const h of holders) {
    const specials = h.tokens.filter((t) => isSpecial(t) && active(t)).sort((a, b) => a.id - b.id);
    if (specials.length > 1) {
      add({
        where: h.fullPath,
        tokenId: (specials[0] as DeployToken).id,
        severity: 'error',
        code: 'several-gitlab-deploy-tokens',
        message: `${h.fullPath} has ${specials.length} active tokens named gitlab-deploy-token (#${specials.map((t) => t.id).join(', #')}): GitLab picks one with LIMIT 1 and no order, so which one a job gets is unspecified. Keep one and delete the others in ${TOKENS_PAGE}.`,
      });
    }
  }

  // --- a group token that does not reach the projects of its subgroups
  for (const g of tree.groups) {
    const special = specialOf(g.tokens);
    if (!special) continue;
    const deeper = tree.projects
      .filter((p) => p.namespaceId !== g.id && groupChain(p.namespaceId).some((x) => x.id === g.id))
      .filter((p) => exposed(p) === undefined)
      .map((p) => p.fullPath)
      .sort();
    if (deeper.length === 0) continue;
    const shown =
      deeper.slice(0, 20).join(', ') + (deeper.length > 20 ? `, and ${deeper.length - 20} more` : '');
    add({
      where: g.fullPath,
      tokenId: special.id,
      severity: 'error',
      code: 'group-token-not-direct-parent',
      message: `gitlab-deploy-token #${special.id} on ${g.fullPath} is exposed only to projects directly in ${g.fullPath}, not to projects of its subgroups; ${deeper.length === 1 ? '1 project below gets' : `${deeper.length} projects below get`} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD from GitLab: ${shown}. Create a gitlab-deploy-token on each of them or on their direct parent group.`,
    });
  }

  // --- CI/CD variables
  const aboveRoot = tree.ancestors.flatMap((a) => a.tokens ?? []);
  const unreadableAbove = tree.ancestors.filter((a) => a.tokens === undefined);
  /** Tokens that can log in where a variable of `h` is used: the holder's own, its groups', groups above the tree. */
  const loginTokens = (h: Holder): DeployToken[] => {
    const chain = groupChain(h.kind === 'group' ? h.id : h.namespaceId);
    return [...(h.kind === 'project' ? h.tokens : []), ...chain.flatMap((g) => g.tokens), ...aboveRoot];
  };

  for (const a of unreadableAbove) {
    add({
      where: a.fullPath,
      severity: 'info',
      code: 'ancestor-not-readable',
      message: `could not read the deploy tokens of ${a.fullPath}, a group above ${tree.root}: its tokens can log in below it, so a CI_DEPLOY_USER variable naming one of them may be reported as stale. Run the audit with a token that is Maintainer of ${a.fullPath}, or audit ${a.fullPath} itself.`,
    });
  }

  for (const h of holders) {
    if (h.variables === undefined) {
      add({
        where: h.fullPath,
        severity: 'info',
        code: 'variables-not-readable',
        message: `could not read the CI/CD variables of ${h.fullPath}: reading them needs ${h.kind === 'group' ? 'Owner' : 'Maintainer'} access; stale, shadowing and unmasked CI_DEPLOY_* variables there were not checked. Run the audit with a token that has that role.`,
      });
      continue;
    }
    for (const v of h.variables) {
      if (v.key === PASSWORD_KEY && !v.hidden && !v.masked) {
        add({
          where: h.fullPath,
          severity: 'error',
          code: 'unmasked-password',
          message: `the CI/CD variable CI_DEPLOY_PASSWORD (${scopeOf(v)}) on ${h.fullPath} is not masked: job logs can show the deploy token. Edit it in ${VARIABLES_PAGE} and tick "Mask variable" (or "Masked and hidden"); rotate the token if it may have been printed.`,
        });
      }
      if (v.key !== USER_KEY) continue;
      if (v.hidden || v.value === null) {
        add({
          where: h.fullPath,
          severity: 'info',
          code: 'hidden-variable',
          message: `the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${h.fullPath} is hidden, so the audit cannot tell which deploy token it names. Check it by hand in ${VARIABLES_PAGE}.`,
        });
        continue;
      }
      const candidates = loginTokens(h).filter((t) => t.username === v.value);
      if (candidates.some(active)) continue;
      const dead = candidates[0];
      const deadState = dead ? tokenActivity(dead, now) : undefined;
      const what = dead
        ? `names ${describe(dead)}, which ${deadState && !deadState.active && deadState.reason === 'revoked' ? 'is revoked' : 'has expired'}`
        : `names "${v.value}", which is no deploy token that can log in there${unreadableAbove.length > 0 ? ` (tokens of ${unreadableAbove.map((a) => a.fullPath).join(', ')} could not be read)` : ''}`;
      add({
        where: h.fullPath,
        ...(dead ? { tokenId: dead.id } : {}),
        severity: 'error',
        code: 'stale-variables',
        message: `the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${h.fullPath} ${what}: it overrides what GitLab gives jobs, so their logins fail. Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} (GitLab 15.1+ provides them from gitlab-deploy-token), or set both to an active token.`,
      });
    }
  }

  // --- GitLab ≤ 15.0: a group token reaches its direct child projects only through CI/CD variables
  if (!groupTokensExposed) {
    for (const p of tree.projects) {
      if (specialOf(p.tokens)) continue;
      const parent = groupById.get(p.namespaceId);
      const groupToken = parent ? specialOf(parent.tokens) : undefined;
      if (!parent || !groupToken) continue;
      const levels: Holder[] = [p, ...groupChain(p.namespaceId)];
      if (levels.some((h) => h.variables?.some((v) => v.key === USER_KEY))) continue; // judged below / as stale
      add({
        where: p.fullPath,
        tokenId: groupToken.id,
        severity: 'error',
        code: 'group-token-before-15.1',
        message: `GitLab ${tree.version ?? ''} exposes only project tokens (group tokens from 15.1): jobs of ${p.fullPath} get nothing from gitlab-deploy-token #${groupToken.id} on ${parent.fullPath}. Store it in the group's CI/CD variables (deploy-token provision --level group --group ${parent.fullPath} --store group-variables --rotate), or create a project token.`,
      });
    }
  }

  // --- variables that override the token GitLab would expose
  for (const p of tree.projects) {
    const given = exposed(p);
    if (!given) continue;
    // The nearest level that defines CI_DEPLOY_USER wins: the project, then its groups upward.
    const levels: Holder[] = [p, ...groupChain(p.namespaceId)];
    const definer = levels.find((h) => h.variables?.some((v) => v.key === USER_KEY));
    if (!definer) continue;
    for (const v of (definer.variables ?? []).filter((x) => x.key === USER_KEY)) {
      if (v.hidden || v.value === null || v.value === given.token.username) continue;
      add({
        where: p.fullPath,
        tokenId: given.token.id,
        severity: 'warning',
        code: 'variables-shadow-token',
        message: `jobs of ${p.fullPath} get CI_DEPLOY_USER "${v.value}" from the CI/CD variable on ${definer.fullPath} (${scopeOf(v)}), which overrides gitlab-deploy-token #${given.token.id} (${given.token.username}) that GitLab would expose from ${given.from}. Delete the CI_DEPLOY_USER and CI_DEPLOY_PASSWORD variables so jobs get the token.`,
      });
    }
  }

  findings.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.where.localeCompare(b.where) ||
      a.code.localeCompare(b.code) ||
      (a.tokenId ?? 0) - (b.tokenId ?? 0),
  );
  return { tokens, findings };
}

export function summarise(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}
