/**
 * Judgements shared by every path: which token a username names (lib/gitlab/auth.rb: the login name
 * must be the token's username, and the token must be active), and why a job gets no token at all,
 * with the cause first (docs/gitlab-rules.md, "Which token").
 */
import { formatInstant, isSpecial, tokenActivity } from './activity.js';
import { describeToken, noTokenFix, SETTINGS_VARIABLES, summarize } from './messages.js';
import { looksLikeToken, SWAPPED_MESSAGE } from './swapped.js';
import { describeLocated, exposedFor, tokensNamed, type Located, type TokenPicture } from './tokens.js';
import type { Considered, ResolveInput, ResolveWarning, Resolution, RuleId } from './types.js';

/** One path's answer, before the job checks (scopes, dependency proxy, LFS, expiry). */
export interface Decision {
  ok: boolean;
  rule: RuleId;
  token?: Located;
  credentials?: { username: string; password: string };
  sources: Resolution['sources'];
  reason?: string;
  details: string[];
  fix?: string;
  warnings: ResolveWarning[];
  considered: Considered[];
  forJob?: { ok: boolean; line: string };
  missingScopes?: string[];
}

export function failure(reason: string, fix: string, details: string[] = []): Decision {
  return { ok: false, rule: 'none', sources: {}, reason, details, fix, warnings: [], considered: [] };
}

/** The values in play that a CI_DEPLOY_USER must never equal. */
export function knownPasswords(input: ResolveInput): string[] {
  const out: string[] = [];
  if (input.jobEnv.password) out.push(input.jobEnv.password);
  if (input.fallback?.password) out.push(input.fallback.password);
  for (const level of [input.variables.project, ...input.variables.groups]) {
    for (const v of level.variables ?? []) if (v.key === 'CI_DEPLOY_PASSWORD' && v.value) out.push(v.value);
  }
  return out;
}

/** `CI_DEPLOY_USER "name"` — or, for a value shaped like a token, words that never show it. */
export function userWords(username: string, picture: TokenPicture, input: ResolveInput): string {
  const known = {
    passwords: knownPasswords(input),
    ...(picture.usernames ? { usernames: picture.usernames } : {}),
  };
  return looksLikeToken(username, known)
    ? 'CI_DEPLOY_USER (a value that looks like a token)'
    : `CI_DEPLOY_USER "${username}"`;
}

export function swapped(
  username: string,
  picture: TokenPicture,
  input: ResolveInput,
  from: string,
): Decision | undefined {
  const known = {
    passwords: knownPasswords(input),
    ...(picture.usernames ? { usernames: picture.usernames } : {}),
  };
  if (!looksLikeToken(username, known)) return undefined;
  return failure(
    SWAPPED_MESSAGE,
    `check CI_DEPLOY_USER and CI_DEPLOY_PASSWORD where they are set: CI_DEPLOY_USER is the token's username (e.g. gitlab+deploy-token-N), CI_DEPLOY_PASSWORD its value`,
    [`CI_DEPLOY_USER comes from ${from}; its value is not shown`],
  );
}

/** Which token `username` names, and whether GitLab accepts it; never shows a token-shaped value. */
export function judgeUsername(
  input: ResolveInput,
  picture: TokenPicture,
  username: string,
  from: string,
): Decision {
  const bad = swapped(username, picture, input, from);
  if (bad) return bad;
  const exposed = exposedFor(picture, username);
  if (exposed && exposed.token.username === username) {
    return {
      ok: true,
      rule: exposed.level === 'project' ? 'project-token' : 'group-token',
      token: exposed,
      sources: {},
      details: [],
      warnings: [],
      considered: [],
    };
  }
  const { active, dead } = tokensNamed(picture, username, input.now);
  const hit = active[0];
  if (hit) return namedActive(picture, hit);
  return namedDead(input, picture, dead[0], `${userWords(username, picture, input)} (from ${from})`);
}

function namedActive(picture: TokenPicture, hit: Located): Decision {
  const s = summarize(hit.token, hit.level, hit.owner);
  const considered: Considered[] = [
    { token: s, verdict: 'named-by-variables', note: 'named by CI_DEPLOY_USER' },
  ];
  const warnings: ResolveWarning[] = [];
  let rule: RuleId = hit.level === 'group' ? 'group-variables-fallback' : 'variables-override';
  if (picture.exposed) {
    rule = 'variables-override';
    warnings.push({
      code: 'variables-shadow-token',
      message: `CI_DEPLOY_USER names ${describeToken(s)} instead of ${describeLocated(picture.exposed)}, which GitLab would expose; the CI/CD variables win and go stale when that token is rotated`,
    });
  } else if (hit.where === 'ancestor') {
    warnings.push({
      code: 'group-token-outside-parent',
      message: `the credentials belong to ${describeToken(s)}, which is not on the direct parent group; it can log in, but GitLab would never expose it by itself`,
    });
  }
  return { ok: true, rule, token: hit, sources: {}, details: [], warnings, considered };
}

function namedDead(
  input: ResolveInput,
  picture: TokenPicture,
  dead: Located | undefined,
  stale: string,
): Decision {
  const fixStale = `update or delete the CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables in ${SETTINGS_VARIABLES}${
    picture.exposed
      ? ` so the job gets ${describeLocated(picture.exposed)}`
      : `, then ${noTokenFix(input.project)}`
  }`;
  if (!dead) {
    const unlisted = [
      input.projectTokens === undefined ? 'the project' : undefined,
      input.group && input.group.tokens === undefined ? `group ${input.group.path}` : undefined,
    ].filter(Boolean);
    const caveat =
      unlisted.length > 0 ? ` (the tokens of ${unlisted.join(' and ')} could not be listed)` : '';
    const line = `stale variables: ${stale} names no active deploy token of ${input.project?.path ?? 'the project'} or its groups${caveat}`;
    return withCause(input, picture, failure(line, fixStale));
  }
  const act = tokenActivity(dead.token, input.now);
  const why = act.active
    ? 'is not active'
    : act.reason === 'revoked'
      ? 'was revoked'
      : `expired at ${formatInstant(act.expiresAt)}`;
  const s = summarize(dead.token, dead.level, dead.owner);
  const d = failure(
    `stale variables: ${stale} names ${describeToken(s)}, which ${why}; GitLab refuses it`,
    fixStale,
  );
  d.considered.push({
    token: s,
    verdict: 'named-by-stale-variables',
    note: `named by CI_DEPLOY_USER; ${why}`,
  });
  if (isSpecial(dead.token) && dead.where !== 'ancestor' && !picture.exposed) {
    // The token GitLab would pick is the dead one: that is the cause.
    return {
      ...d,
      reason: `${describeToken(s)} ${why}: GitLab gives the job no working credentials`,
      details: [d.reason as string],
    };
  }
  return d;
}

/** When no token is exposed, the cause goes first and what else is wrong follows. */
export function withCause(input: ResolveInput, picture: TokenPicture, d: Decision): Decision {
  if (picture.exposed || d.ok) return d;
  const cause = noTokenCause(input, picture);
  return {
    ...d,
    reason: cause.reason,
    details: [...(d.reason ? [d.reason] : []), ...d.details, ...cause.details],
  };
}

/** No token reaches the job: dead ones, one on the wrong group, ≤ 15.0, or none at all. */
export function noTokenCause(input: ResolveInput, picture: TokenPicture): Decision {
  const g = picture.groupNotExposed;
  if (g) {
    const s = summarize(g.token, 'group', g.owner);
    return {
      ...failure(
        `GitLab ${picture.version ?? '15.0'} (15.0 or earlier) does not expose group deploy tokens to CI jobs: ${describeToken(s)} gives the job nothing, and no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables name it`,
        `set CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in group ${s.owner}'s ${SETTINGS_VARIABLES} to the token's username (${s.username}) and value (masked), or upgrade GitLab to 15.1 or later`,
      ),
      rule: 'group-variables-fallback',
    };
  }
  const path = input.project?.path ?? 'the project';
  const dead = picture.considered.filter((c) => c.verdict === 'revoked' || c.verdict === 'expired');
  const parts = dead.map((c) => `${describeToken(c.token)} ${c.note}`);
  const ancestors = picture.considered.filter((c) => c.verdict === 'outside-direct-parent');
  if (ancestors.length > 0) {
    parts.push(
      `${ancestors.map((c) => describeToken(c.token)).join(', ')} is not on the direct parent group, so GitLab never exposes it to ${path}`,
    );
  }
  if (parts.length === 0) {
    const where =
      input.project?.namespaceKind === 'group'
        ? `${path} and its parent group ${input.project.namespacePath}`
        : `${path} (a user namespace: no group fallback)`;
    parts.push(`no active deploy token named gitlab-deploy-token on ${where}`);
  }
  return failure(
    `the job gets no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: ${parts.join('; ')}`,
    noTokenFix(input.project),
  );
}
