/**
 * The decision: which credentials a CI job gets, following GitLab's own rules (docs/gitlab-rules.md).
 * Pure: data in, decision out; the clock comes in as `input.now`.
 *
 * Phases: the tokens (./tokens.ts: which one GitLab exposes), the job's view for a protected or
 * unprotected ref (./view.ts: what each key comes from, and whether the pair is one token), where the
 * credentials here come from (./credentials.ts), what the job does with the token (./checks.ts). When
 * the ref's protection is unknown, both outcomes are worked out and shown where they differ.
 */
import { checkToken } from './checks.js';
import { fromApi, fromEnvironment, nothingInJob } from './credentials.js';
import { failure, swapped, type Decision } from './judge.js';
import { envSource, ruleTextFor, summarize } from './messages.js';
import { looksLikeToken, SWAPPED_MESSAGE } from './swapped.js';
import { pictureTokens, type TokenPicture } from './tokens.js';
import type { OutcomeSummary, ResolveInput, ResolveWarning, Resolution } from './types.js';
import { jobView } from './view.js';

export function resolveCredentials(input: ResolveInput): Resolution {
  if (!input.apiAvailable) return resolveUnverified(input);
  const picture = pictureTokens(input);
  const state = input.ref?.state ?? 'unknown';
  if (state !== 'unknown') return decide(input, picture, state === 'protected');
  const onProtected = decide(input, picture, true);
  const onUnprotected = decide(input, picture, false);
  return same(onProtected, onUnprotected) ? onUnprotected : bothOutcomes(onProtected, onUnprotected);
}

/** One protection outcome, start to finish. */
function decide(input: ResolveInput, picture: TokenPicture, protectedRef: boolean): Resolution {
  const view = jobView(input, picture, protectedRef);
  let d: Decision;
  if (input.jobEnv.password !== undefined && input.jobEnv.password !== '') {
    d = fromEnvironment(input, picture, view);
    if (input.inGitLabJob) d = { ...d, warnings: [...view.warnings, ...d.warnings] };
  } else if (input.inGitLabJob) d = nothingInJob(input, picture, view);
  else d = fromApi(input, picture, view);
  return toResolution(input, picture, checkToken(input, d, picture.version));
}

function toResolution(input: ResolveInput, picture: TokenPicture, d: Decision): Resolution {
  const warnings = dedupe([...picture.warnings, ...d.warnings]);
  if (input.project?.namespaceKind === 'user' && !picture.exposed) {
    warnings.push({
      code: 'user-namespace',
      message: `${input.project.path} is in a user namespace: there is no group to fall back to`,
    });
  }
  const r: Resolution = {
    ok: d.ok && d.credentials !== undefined,
    exitCode: d.ok && d.credentials !== undefined ? 0 : 1,
    rule: d.rule,
    ruleText: ruleTextFor(d.rule, picture.version),
    sources: d.sources,
    warnings: dedupe(warnings),
    considered: [...picture.considered, ...d.considered],
  };
  if (d.token) r.token = summarize(d.token.token, d.token.level, d.token.owner);
  if (r.ok && d.credentials) r.credentials = d.credentials;
  if (!r.ok) {
    r.reason = d.reason ?? 'no credentials';
    if (d.details.length > 0) r.details = d.details;
    r.fix = d.fix ?? '';
  }
  if (picture.version) r.version = picture.version;
  if (d.missingScopes) r.missingScopes = d.missingScopes;
  if (d.forJob && !input.inGitLabJob) r.forJob = d.forJob;
  if (input.ref) r.ref = input.ref;
  return r;
}

/** One warning per message; and one per cause: a precise shadowing warning replaces the generic one. */
function dedupe(ws: ResolveWarning[]): ResolveWarning[] {
  const precise = ws.some(
    (w) => w.code === 'variables-shadow-token' && w.message.startsWith('CI_DEPLOY_USER names'),
  );
  return ws.filter(
    (w, i) =>
      ws.findIndex((x) => x.code === w.code && x.message === w.message) === i &&
      !(precise && w.code === 'variables-shadow-token' && !w.message.startsWith('CI_DEPLOY_USER names')),
  );
}

function same(a: Resolution, b: Resolution): boolean {
  const key = (r: Resolution) =>
    JSON.stringify([
      r.ok,
      r.rule,
      r.token?.id,
      r.credentials,
      r.reason,
      r.forJob?.ok,
      r.sources,
      r.missingScopes,
    ]);
  return key(a) === key(b);
}

function summaryOf(r: Resolution): OutcomeSummary {
  const jobOk = r.ok || r.forJob?.ok === true;
  const line = r.ok
    ? `the credentials of ${r.token ? `${r.token.level} token #${r.token.id}` : 'the variables'} (from ${r.sources.CI_DEPLOY_PASSWORD?.detail ?? 'the environment'})`
    : r.forJob?.ok
      ? r.forJob.line
      : (r.reason ?? 'no credentials');
  return { ok: r.ok, jobOk, line };
}

/** The ref's protection is unknown and changes the answer: nothing is exported, both outcomes shown. */
function bothOutcomes(p: Resolution, u: Resolution): Resolution {
  const protectedSummary = summaryOf(p);
  const unprotectedSummary = summaryOf(u);
  const { credentials: _p, ...base } = u;
  return {
    ...base,
    ok: false,
    exitCode: 1,
    reason:
      'what the job gets depends on whether its ref is protected: protected CI/CD variables reach jobs on protected branches and tags only',
    details: [
      `on a protected ref: ${protectedSummary.line}`,
      `on an unprotected ref: ${unprotectedSummary.line}`,
    ],
    fix: 'pass --ref NAME (default $CI_COMMIT_REF_NAME) to check one branch or tag, or run inside the job (CI_COMMIT_REF_PROTECTED)',
    warnings: dedupe([...p.warnings, ...u.warnings]),
    forJob: {
      ok: protectedSummary.jobOk && unprotectedSummary.jobOk,
      line: 'it depends on whether the ref is protected (see both outcomes)',
    },
    outcomes: { protected: protectedSummary, unprotected: unprotectedSummary },
  };
}

/** No API token: the environment or the spec's fallback as it is, unverified. */
function resolveUnverified(input: ResolveInput): Resolution {
  const fb = input.fallback;
  const env = input.jobEnv;
  const sources: Resolution['sources'] = {};
  let username: string | undefined;
  let password: string | undefined;
  if (env.password) {
    password = env.password;
    sources.CI_DEPLOY_PASSWORD = envSource(
      'CI_DEPLOY_PASSWORD',
      env.fromFile?.includes('CI_DEPLOY_PASSWORD') === true,
    );
    if (env.user) {
      username = env.user;
      sources.CI_DEPLOY_USER = envSource('CI_DEPLOY_USER', env.fromFile?.includes('CI_DEPLOY_USER') === true);
    }
  } else if (fb?.password) {
    password = fb.password;
    sources.CI_DEPLOY_PASSWORD = {
      kind: 'spec-fallback',
      detail: `spec token.fallback (${fb.passwordEnv ?? ''})`,
    };
    if (fb.user) {
      username = fb.user;
      sources.CI_DEPLOY_USER = {
        kind: 'spec-fallback',
        detail: `spec token.fallback (${fb.usernameEnv ?? ''})`,
      };
    }
  }
  const base = {
    rule: 'none' as const,
    ruleText: ruleTextFor('none', undefined),
    sources,
    warnings: [],
    considered: [],
  };
  const known = { passwords: [env.password, fb?.password].filter((x): x is string => !!x) };
  if (username && looksLikeToken(username, known)) {
    const s = swapped(
      username,
      emptyPicture(),
      input,
      sources.CI_DEPLOY_USER?.detail ?? 'the environment',
    ) as Decision;
    return { ...base, ok: false, exitCode: 1, reason: SWAPPED_MESSAGE, details: s.details, fix: s.fix ?? '' };
  }
  if (password === undefined || !username) {
    const f = failure(
      password === undefined
        ? 'no API token to look up deploy tokens, and the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD'
        : 'CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and without an API token the username cannot be looked up',
      'set GITLAB_TOKEN (or the variable named by --api-token-env) to a token with read_api and the Maintainer role, or run inside a GitLab job whose project or group has a gitlab-deploy-token (CI_JOB_TOKEN cannot list deploy tokens)',
    );
    return { ...base, ok: false, exitCode: 1, reason: f.reason as string, fix: f.fix as string };
  }
  return {
    ...base,
    ok: true,
    exitCode: 0,
    rule: 'unverified-environment',
    ruleText: ruleTextFor('unverified-environment', undefined),
    credentials: { username, password },
    warnings: [
      {
        code: 'unverified',
        message:
          'no API token: the credentials come from the environment and could not be verified against GitLab (expiry, revocation, scopes). Set GITLAB_TOKEN with read_api to verify them',
      },
    ],
  };
}

function emptyPicture(): TokenPicture {
  return { candidates: [], considered: [], warnings: [], all: [] };
}

/** `plan`'s exit code: 0 also when the job gets working credentials at run time that are not visible here. */
export function planExitCode(r: Resolution): 0 | 1 {
  return r.ok || r.forJob?.ok === true ? 0 : r.exitCode;
}
