/**
 * The audit's decisions, pure: a gathered tree and a clock in, token rows and findings out.
 * GitLab's rules (GITLAB_FACTS §1): a token is active iff not revoked and expires_at is null or in
 * the future; a project's CI_DEPLOY_USER/PASSWORD come from its own active `gitlab-deploy-token`,
 * else from its DIRECT parent group's (GitLab ≤ 15.0: from its own only, §2); CI/CD variables with
 * those names override both, each key on its own (the project's, else the nearest group's upward,
 * groups above the audited one included); a group token can log in to projects of the group and
 * all its subgroups (lib/gitlab/auth.rb).
 */
import { ephemeralCreatedAt, isEphemeralName } from '../provision/ephemeral-name.js';
import { DEPLOY_TOKEN_SCOPES } from '../gitlab/scopes.js';
import { formatInstant, isSpecial, tokenActivity } from '../resolve/activity.js';
import { exposesGroupDeployToken, parseGitLabVersion } from '../resolve/version.js';
import type { DeployToken } from '../gitlab/types.js';
import { code, list, m, q, ref, textOf, words } from './message.js';
import {
  PASSWORD_KEY,
  USER_KEY,
  type AuditGroup,
  type AuditProject,
  type AuditResult,
  type AuditSettings,
  type AuditTree,
  type AuditVariable,
  type DeployVariableKey,
  type Finding,
  type MessagePart,
  type Severity,
  type TokenRow,
} from './types.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const TOKENS_PAGE = words('Settings > Repository > Deploy tokens');
const VARIABLES_PAGE = words('Settings > CI/CD > Variables');
/** Projects named in one message at most; the rest are counted. */
const SHOWN = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `4 days 14 hours`, `13 hours`, `25 minutes` (rounded down). */
export function formatDuration(ms: number): string {
  const min = Math.max(0, Math.floor(ms / MINUTE_MS));
  const d = Math.floor(min / (24 * 60));
  const h = Math.floor((min % (24 * 60)) / 60);
  if (d > 0) return h > 0 ? `${plural(d, 'day')} ${plural(h, 'hour')}` : plural(d, 'day');
  if (h > 0) return plural(h, 'hour');
  return plural(min % 60, 'minute');
}

/** Plain code-unit order: the same on every machine, whatever the process locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A word for a shell command line: left bare when it holds nothing a shell would read. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,/:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

type Holder = AuditGroup | AuditProject;

/** A level whose CI/CD variables a project's jobs inherit: the project, its groups upward, the groups above the tree. */
interface VariableLevel {
  fullPath: string;
  /** undefined: GitLab refused to show them. */
  variables: AuditVariable[] | undefined;
  /** A group above the audited one. */
  above: boolean;
}

/** Where a project's value of one key comes from. */
interface Resolved {
  /** The nearest readable level that defines the key (judged as if every environment scope applied). */
  at?: VariableLevel;
  /** Its variables with that key (one per environment scope). */
  vars: AuditVariable[];
  /** Unreadable levels nearer than `at` (all of them when none defines the key): any may define it. */
  blind: VariableLevel[];
}

function resolveKey(levels: VariableLevel[], key: DeployVariableKey): Resolved {
  const blind: VariableLevel[] = [];
  for (const l of levels) {
    if (l.variables === undefined) {
      blind.push(l);
      continue;
    }
    const vars = l.variables.filter((v) => v.key === key);
    if (vars.length > 0) return { at: l, vars, blind };
  }
  return { vars: [], blind };
}

/**
 * What a project's CI/CD variables give its jobs: working credentials (a CI_DEPLOY_USER naming an
 * active token that can log in there, and a CI_DEPLOY_PASSWORD), `unknown` (a level that could define
 * them is unreadable, or the user is hidden), `broken` (defined, but not a working pair: other
 * findings say why) or `none` (no CI_DEPLOY_USER anywhere).
 */
type Supply = 'works' | 'unknown' | 'broken' | 'none';

const describe = (t: DeployToken) => m`deploy token ${ref(t.id)} ${q(t.name)} (${t.username})`;
const scopeOf = (v: AuditVariable) => m`environment scope ${q(v.environmentScope)}`;
/** `a, b, and 3 more`: at most SHOWN paths, each a literal. */
const pathList = (paths: string[]): MessagePart[] => [
  ...list(paths.slice(0, SHOWN).map((p) => [{ literal: p }])),
  ...(paths.length > SHOWN ? m`, and ${paths.length - SHOWN} more` : []),
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function auditFindings(tree: AuditTree, settings: AuditSettings): AuditResult {
  const { now } = settings;
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'message'>) => findings.push({ ...f, message: textOf(f.parts) });
  const active = (t: DeployToken) => tokenActivity(t, now).active;
  const groupById = new Map(tree.groups.map((g) => [g.id, g]));
  const rootGroup = tree.groups[0];
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

  const aboveRoot = tree.ancestors.flatMap((a) => a.tokens ?? []);
  const unreadableAbove = tree.ancestors.filter((a) => a.tokens === undefined);
  const ancestorLevels: VariableLevel[] = tree.ancestors.map((a) => ({
    fullPath: a.fullPath,
    variables: a.variables,
    above: true,
  }));
  const levelOf = (h: Holder): VariableLevel => ({
    fullPath: h.fullPath,
    variables: h.variables,
    above: false,
  });
  /** The levels a project's jobs inherit variables from, nearest first. */
  const levelsOf = (p: AuditProject): VariableLevel[] => {
    const chain = groupChain(p.namespaceId);
    // Groups above the tree are above a project only when its groups lead up to the audited one.
    const reachesRoot = rootGroup !== undefined && chain[chain.length - 1]?.id === rootGroup.id;
    return [levelOf(p), ...chain.map(levelOf), ...(reachesRoot ? ancestorLevels : [])];
  };
  /** Tokens that can log in where a variable of `h` is used: the holder's own, its groups', groups above the tree. */
  const loginTokens = (h: Holder): DeployToken[] => {
    const chain = groupChain(h.kind === 'group' ? h.id : h.namespaceId);
    return [...(h.kind === 'project' ? h.tokens : []), ...chain.flatMap((g) => g.tokens), ...aboveRoot];
  };
  const supply = (p: AuditProject): Supply => {
    const levels = levelsOf(p);
    const user = resolveKey(levels, USER_KEY);
    if (user.blind.length > 0) return 'unknown';
    if (!user.at) return 'none';
    if (user.vars.some((v) => v.hidden || v.value === null)) return 'unknown';
    const pass = resolveKey(levels, PASSWORD_KEY);
    if (!pass.at) return pass.blind.length > 0 ? 'unknown' : 'broken';
    const logins = loginTokens(p);
    // Environment scopes are not resolved: one scope with a working pair is enough here; a scope
    // naming a dead token is a stale-variables finding of its own.
    if (user.vars.some((v) => logins.some((t) => active(t) && t.username === v.value))) return 'works';
    // A name matching no token that was read may be a token of a group above whose tokens could
    // not be read (it can log in here): not known to be broken.
    const unmatched = user.vars.some((v) => !logins.some((t) => t.username === v.value));
    return unmatched && unreadableAbove.length > 0 ? 'unknown' : 'broken';
  };
  /**
   * The command that stores a group's token in its CI/CD variables (the ≤ 15.0 workaround), with the
   * token's scopes and expiry, so the rotated token keeps both. Scopes provision does not know (it
   * refuses them) are left out, and the message says which.
   */
  const storeInGroupVariables = (group: string, t: DeployToken): MessagePart[] => {
    const isKnown = (s: string) => (DEPLOY_TOKEN_SCOPES as readonly string[]).includes(s);
    const known = t.scopes.filter(isKnown);
    const unknown = t.scopes.filter((s) => !isKnown(s));
    const act = tokenActivity(t, now);
    const at = act.expiresAt;
    // A date-only expiry (00:00 UTC, as GitLab stores one) is given as that date; any other instant as is.
    const expiresAt =
      at === null
        ? ''
        : ` --expires-at ${at.getTime() % DAY_MS === 0 ? at.toISOString().slice(0, 10) : at.toISOString()}`;
    const command = (scopes: string) =>
      code(
        `deploy-token provision --level group --group ${shellWord(group)} --scopes ${scopes}${expiresAt} --store group-variables --rotate`,
      );
    const quotedList = (xs: string[]) => list(xs.map((x) => q(x)));
    if (known.length === 0) {
      return m`${command('SCOPES')} with SCOPES the comma list of scopes its jobs need (${t.scopes.length === 0 ? m`the token has none` : m`the token's ${quotedList(unknown)} ${unknown.length === 1 ? m`is not a scope` : m`are no scopes`} provision knows`}; it takes ${words(DEPLOY_TOKEN_SCOPES.join(', '))})`;
    }
    return m`${command(shellWord(known.join(',')))}${unknown.length > 0 ? m` (the token's ${quotedList(unknown)} left out: provision knows no such scope)` : []}`;
  };
  const versionText = tree.version ?? '';

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
            ? m`is revoked`
            : m`expired at ${words(formatInstant(act.expiresAt))} (GitLab stops accepting a token at midnight UTC of its expiry date)`;
        add({
          ...base,
          severity: 'info',
          code: 'inactive-token',
          parts: m`${describe(t)} ${why}: GitLab neither exposes it to jobs nor accepts it. Delete it in ${TOKENS_PAGE} to tidy the list.`,
        });
      } else if (act.expiresAt === null) {
        add({
          ...base,
          severity: 'warning',
          code: 'never-expires',
          parts: m`${describe(t)} never expires: a leaked copy works forever. Create a replacement with an expiry date, switch to it, then delete this one.`,
        });
      } else {
        const left = act.expiresAt.getTime() - now.getTime();
        // Ephemeral tokens are short-lived on purpose: their expiry is no news (leftovers are below).
        if (left <= settings.expiringWithinDays * DAY_MS && !isEphemeralName(t.name)) {
          add({
            ...base,
            severity: 'warning',
            code: 'expiring-soon',
            parts: m`${describe(t)} expires in ${words(formatDuration(left))} (${words(formatInstant(act.expiresAt))}). Create a replacement before then${isSpecial(t) ? m` (jobs lose CI_DEPLOY_USER/CI_DEPLOY_PASSWORD when it dies)` : []}.`,
          });
        }
      }
      if (isEphemeralName(t.name)) {
        const created = ephemeralCreatedAt(t.name);
        const age = created ? now.getTime() - created.getTime() : undefined;
        const reason = !act.active
          ? m`is no longer active (${words(state)})`
          : age === undefined
            ? m`has a name that records no readable creation time`
            : age > settings.ephemeralOlderThanMs
              ? m`was created ${words(formatDuration(age))} ago (${words(formatInstant(created as Date))})`
              : undefined;
        if (reason) {
          add({
            ...base,
            severity: 'warning',
            code: 'leftover-ephemeral',
            parts: m`ephemeral ${describe(t)} ${reason}: the job that made it did not clean up. Run ${code('deploy-token cleanup --ephemeral')} or delete it in ${TOKENS_PAGE}.`,
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
        parts: m`${h.fullPath} has ${specials.length} active tokens named gitlab-deploy-token (${list(specials.map((t) => ref(t.id)))}): GitLab picks one with LIMIT 1 and no order, so which one a job gets is unspecified. Keep one and delete the others in ${TOKENS_PAGE}.`,
      });
    }
  }

  // --- a group token that does not reach the projects of its subgroups
  for (const g of tree.groups) {
    const special = specialOf(g.tokens);
    if (!special) continue;
    // Projects whose CI/CD variables give working credentials are served (the ≤ 15.0 workaround, or a
    // group variable above them); where they cannot be read it is not known, so no error is claimed.
    const deeper = tree.projects
      .filter((p) => p.namespaceId !== g.id && groupChain(p.namespaceId).some((x) => x.id === g.id))
      .filter((p) => exposed(p) === undefined)
      .filter((p) => {
        const s = supply(p);
        if (s === 'none') return true;
        if (s !== 'broken') return false;
        if (groupTokensExposed) return true;
        // On ≤ 15.0 the advice is to rotate g's token into g's variables. Broken by a CI_DEPLOY_USER
        // nearer than g, that cannot help (it overrides g's), and each audit would advise another
        // rotation: its stale-variables / user-without-password finding says what to do.
        const levels = levelsOf(p);
        const at = resolveKey(levels, USER_KEY).at;
        const pos = (path: string) => levels.findIndex((l) => l.fullPath === path);
        return at === undefined || pos(at.fullPath) >= pos(g.fullPath);
      })
      .map((p) => p.fullPath)
      .sort(compareCodeUnits);
    if (deeper.length === 0) continue;
    const count = deeper.length === 1 ? m`1 project below gets` : m`${deeper.length} projects below get`;
    add({
      where: g.fullPath,
      tokenId: special.id,
      severity: 'error',
      code: 'group-token-not-direct-parent',
      parts: groupTokensExposed
        ? m`gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} is exposed only to projects directly in ${g.fullPath}, not to projects of its subgroups; ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD from GitLab: ${pathList(deeper)}. Create a gitlab-deploy-token on each of them or on their direct parent group.`
        : m`GitLab ${versionText} exposes no group token to jobs (group tokens from 15.1, and then only to projects directly in the group): gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} reaches no job, and ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD at all: ${pathList(deeper)}. Store the token in the CI/CD variables of ${g.fullPath}, which its subgroups inherit and where it can log in: ${storeInGroupVariables(g.fullPath, special)}; or create a gitlab-deploy-token on each project.`,
    });
  }

  // --- CI/CD variables
  for (const a of unreadableAbove) {
    add({
      where: a.fullPath,
      severity: 'info',
      code: 'ancestor-not-readable',
      parts: m`could not read the deploy tokens of ${a.fullPath}, a group above ${tree.root}: its tokens can log in below it, so a CI_DEPLOY_USER variable naming one of them may be reported as stale. Run the audit with a token that is Maintainer of ${a.fullPath}, or audit ${a.fullPath} itself.`,
    });
  }

  /** A group above the tree matters for a key only where it is the nearest level defining it for a project of the tree. */
  const projectLevels = tree.projects.map(levelsOf);
  const reaches = (fullPath: string, key: DeployVariableKey) =>
    projectLevels.some((levels) => resolveKey(levels, key).at?.fullPath === fullPath);
  /** Who holds variables that are judged: the tree's groups and projects, then the groups above it. */
  const judged: {
    fullPath: string;
    variables: AuditVariable[] | undefined;
    what: 'group' | 'project' | 'above';
    /** Whose login tokens a CI_DEPLOY_USER there must name: a variable above the tree is used by all of it, like one on the audited group. */
    logins: DeployToken[];
  }[] = [
    ...holders.map((h) => ({
      fullPath: h.fullPath,
      variables: h.variables,
      what: h.kind,
      logins: loginTokens(h),
    })),
    ...tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      what: 'above' as const,
      logins: rootGroup ? loginTokens(rootGroup) : aboveRoot,
    })),
  ];
  for (const h of judged) {
    if (h.variables === undefined) {
      add({
        where: h.fullPath,
        severity: 'info',
        code: 'variables-not-readable',
        parts:
          h.what === 'project'
            ? m`could not read the CI/CD variables of ${h.fullPath}: reading them needs Maintainer access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether its jobs get working credentials through them (so no missing-token error is claimed for it). Run the audit with a token that has that role.`
            : m`could not read the CI/CD variables of ${h.fullPath}${h.what === 'above' ? m`, a group above ${tree.root} whose variables its projects inherit` : []}: reading them needs Owner access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether the projects below get working credentials through them (so no missing-token error is claimed for them). Run the audit with a token that has that role.`,
      });
      continue;
    }
    const above = h.what === 'above';
    const on = above
      ? m`${h.fullPath} (a group above ${tree.root}, inherited by its projects)`
      : m`${h.fullPath}`;
    for (const v of h.variables) {
      if (above && !reaches(h.fullPath, v.key)) continue; // overridden for every project of the tree
      if (v.key === PASSWORD_KEY && !v.hidden && !v.masked) {
        add({
          where: h.fullPath,
          severity: 'error',
          code: 'unmasked-password',
          parts: m`the CI/CD variable CI_DEPLOY_PASSWORD (${scopeOf(v)}) on ${on} is not masked: job logs can show the deploy token. Edit it in ${VARIABLES_PAGE} and tick "Mask variable" (or "Masked and hidden"); rotate the token if it may have been printed.`,
        });
      }
      if (v.key !== USER_KEY) continue;
      if (v.hidden || v.value === null) {
        add({
          where: h.fullPath,
          severity: 'info',
          code: 'hidden-variable',
          parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} is hidden, so the audit cannot tell which deploy token it names. Check it by hand in ${VARIABLES_PAGE}.`,
        });
        continue;
      }
      const candidates = h.logins.filter((t) => t.username === v.value);
      if (candidates.some(active)) continue;
      const dead = candidates[0];
      const deadState = dead ? tokenActivity(dead, now) : undefined;
      const what = dead
        ? m`names ${describe(dead)}, which ${deadState && !deadState.active && deadState.reason === 'revoked' ? m`is revoked` : m`has expired`}`
        : m`names ${q(v.value)}, which is no deploy token that can log in there${unreadableAbove.length > 0 ? m` (tokens of ${list(unreadableAbove.map((a) => [{ literal: a.fullPath }]))} could not be read)` : []}`;
      add({
        where: h.fullPath,
        ...(dead ? { tokenId: dead.id } : {}),
        severity: 'error',
        code: 'stale-variables',
        parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} ${what}: it overrides what GitLab gives jobs, so their logins fail. Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} (GitLab 15.1+ provides them from gitlab-deploy-token), or set both to an active token.`,
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
      // Working variables are the documented workaround; unreadable ones cannot be judged (the
      // variables-not-readable info says so) — an error there would fail a working setup.
      const s = supply(p);
      if (s === 'works' || s === 'unknown') continue;
      // The project's own CI_DEPLOY_USER breaks it (stale, or without a password): it overrides any
      // group variable, so storing the token there would not help; that error says what to do.
      const levels = levelsOf(p);
      const own = levelOf(p).fullPath;
      if (resolveKey(levels, USER_KEY).at?.fullPath === own) continue;
      // A lone CI_DEPLOY_PASSWORD of the project's own would override the group's too.
      const ownPassword = resolveKey(levels, PASSWORD_KEY).at?.fullPath === own;
      add({
        where: p.fullPath,
        tokenId: groupToken.id,
        severity: 'error',
        code: 'group-token-before-15.1',
        parts: m`GitLab ${versionText} exposes only project tokens (group tokens from 15.1): jobs of ${p.fullPath} get nothing from gitlab-deploy-token ${ref(groupToken.id)} on ${parent.fullPath}. Store it in the group's CI/CD variables: ${storeInGroupVariables(parent.fullPath, groupToken)}${ownPassword ? m`, and delete the CI_DEPLOY_PASSWORD variable of ${p.fullPath}, which would override the group's` : []}; or create a project token.`,
      });
    }
  }

  // --- per project: what its CI/CD variables do to the credentials its jobs get
  for (const p of tree.projects) {
    const given = exposed(p);
    const levels = levelsOf(p);
    const user = resolveKey(levels, USER_KEY);
    const pass = resolveKey(levels, PASSWORD_KEY);

    // Variables that override the token GitLab would expose (the nearest level defining CI_DEPLOY_USER wins).
    if (given && user.at) {
      for (const v of user.vars) {
        if (v.hidden || v.value === null || v.value === given.token.username) continue;
        add({
          where: p.fullPath,
          tokenId: given.token.id,
          severity: 'warning',
          code: 'variables-shadow-token',
          parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}), which overrides gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) that GitLab would expose from ${given.from}. Delete the CI_DEPLOY_USER and CI_DEPLOY_PASSWORD variables so jobs get the token.`,
        });
      }
    }

    // A username and no password: nothing supplies CI_DEPLOY_PASSWORD (with an exposed token the
    // token does, which works only when the username is the token's, below).
    if (user.at && !pass.at && pass.blind.length === 0 && !given) {
      const v = user.vars[0] as AuditVariable;
      add({
        where: p.fullPath,
        severity: 'error',
        code: 'user-without-password',
        parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER${v.hidden || v.value === null ? [] : m` ${q(v.value)}`} from the CI/CD variable on ${user.at.fullPath} but no CI_DEPLOY_PASSWORD: no level defines one and GitLab exposes no gitlab-deploy-token to supply it, so their logins fail. Add a masked CI_DEPLOY_PASSWORD holding that token's secret next to it in ${VARIABLES_PAGE}, or delete CI_DEPLOY_USER.`,
      });
    }

    // A username of another token and the exposed token's password: GitLab's login needs the name to
    // be the token's username (lib/gitlab/auth.rb), so this pair never logs in.
    if (given && user.at && !pass.at && pass.blind.length === 0) {
      const v = user.vars.find((x) => !x.hidden && x.value !== null && x.value !== given.token.username);
      if (v) {
        add({
          where: p.fullPath,
          tokenId: given.token.id,
          severity: 'error',
          code: 'user-without-password',
          parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value as string)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_PASSWORD variable: no level defines one, so the password is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and GitLab accepts a token only with its own username, so their logins fail. Delete CI_DEPLOY_USER in ${VARIABLES_PAGE} so jobs get the token's own pair, or add a masked CI_DEPLOY_PASSWORD holding the secret of the token it names next to it.`,
        });
      }
    }

    // A password and no username variable: CI_DEPLOY_USER is then the exposed token's, and the
    // variable replaces its password (each key is overridden on its own).
    if (pass.at && !user.at && user.blind.length === 0) {
      const v = pass.vars[0] as AuditVariable;
      add({
        where: p.fullPath,
        ...(given ? { tokenId: given.token.id } : {}),
        severity: 'warning',
        code: 'password-without-user',
        parts: given
          ? m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER variable: the username is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and the variable overrides its password, so logins fail unless the variable holds exactly that token's secret. A warning, not an error: the audit never reads passwords, so it cannot tell. Delete CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} so jobs get the token's own, or set CI_DEPLOY_USER next to it.`
          : m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER: no variable defines one and GitLab exposes no gitlab-deploy-token to it, so the password is of no use. A warning, not an error: without it the jobs would have no credentials either. Delete it in ${VARIABLES_PAGE}, or set CI_DEPLOY_USER next to it.`,
      });
    }
  }

  findings.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      compareCodeUnits(a.where, b.where) ||
      compareCodeUnits(a.code, b.code) ||
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
