/**
 * Where the credentials exported here come from, in order (docs/gitlab-rules.md, "Sources"):
 *
 * 1. The environment (`CI_DEPLOY_USER` / `CI_DEPLOY_PASSWORD`): in a GitLab job, what GitLab gave it;
 *    elsewhere, what the caller put there (a secret). A missing user is the exposed token's, as the
 *    predefined variable would be (app/models/ci/build.rb).
 * 2. Outside a job: the CI/CD variables the API shows, when both keys come from readable levels and
 *    neither is hidden (the ≤ 15.0 workaround), never from behind a level that could not be read.
 * 3. The spec's `token.fallback`.
 * A GitLab job whose environment lacks CI_DEPLOY_PASSWORD got nothing: API values are never handed to it.
 */
import { exposedFor, describeLocated, type TokenPicture } from './tokens.js';
import { failure, judgeUsername, withCause, type Decision } from './judge.js';
import { envSource, summarize, tokenSource, variableSource, variableWords } from './messages.js';
import { mismatch, settled, type JobView } from './view.js';
import type { ResolveInput, Resolution } from './types.js';

const NOT_VISIBLE_FIX =
  'run inside a GitLab job (the runner injects CI_DEPLOY_PASSWORD), or pass the token value in the CI_DEPLOY_PASSWORD environment variable (from a secret), or name a variable in the spec with token.fallback.password_env';

/** The username of the token GitLab would expose, recorded as CI_DEPLOY_USER's source. */
function userOfExposed(picture: TokenPicture, sources: Resolution['sources']): string | undefined {
  if (!picture.exposed) return undefined;
  const { token, level, owner } = picture.exposed;
  sources.CI_DEPLOY_USER = tokenSource(summarize(token, level, owner));
  return token.username;
}

/** A password without a user to pair it with: the cause first, then this. */
function refuseWithoutUser(
  input: ResolveInput,
  picture: TokenPicture,
  sources: Resolution['sources'],
  [reason, fix]: [string, string],
): Decision {
  return withCause(input, picture, { ...failure(reason, fix), sources });
}

/** Credentials from the environment, verified against the tokens (and, in a GitLab job, the variables). */
export function fromEnvironment(
  input: ResolveInput,
  picture: TokenPicture,
  view: JobView | undefined,
): Decision {
  const env = input.jobEnv;
  const password = env.password as string;
  const sources: Resolution['sources'] = {
    CI_DEPLOY_PASSWORD: envSource(
      'CI_DEPLOY_PASSWORD',
      env.fromFile?.includes('CI_DEPLOY_PASSWORD') === true,
    ),
  };
  if (env.user)
    sources.CI_DEPLOY_USER = envSource('CI_DEPLOY_USER', env.fromFile?.includes('CI_DEPLOY_USER') === true);
  const username = env.user || userOfExposed(picture, sources);
  if (!username) {
    return refuseWithoutUser(input, picture, sources, [
      'CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and no gitlab-deploy-token names the user it belongs to',
      "set CI_DEPLOY_USER next to CI_DEPLOY_PASSWORD, to the deploy token's username",
    ]);
  }
  if (input.inGitLabJob && view) {
    const m = pairInJob(input, picture, view, password);
    if (m) return { ...m, sources };
  }
  const j = judgeUsername(input, picture, username, (sources.CI_DEPLOY_USER as { detail: string }).detail);
  return { ...j, sources, ...(j.ok ? { credentials: { username, password } } : {}) };
}

/**
 * In a GitLab job, which key came from a CI/CD variable and which from the generated ones: a
 * variable's value equal to the environment's (or hidden) is where it came from.
 */
function pairInJob(
  input: ResolveInput,
  picture: TokenPicture,
  view: JobView,
  password: string,
): Decision | undefined {
  const u = settled(view.user);
  const p = settled(view.password);
  const user = input.jobEnv.user;
  const userFromVar =
    u.kind === 'variable' &&
    user !== undefined &&
    (u.eff.variable.value === null || u.eff.variable.value === user);
  const passFromVar =
    p.kind === 'variable' && (p.eff.variable.value === null || p.eff.variable.value === password);
  const exposed = exposedFor(picture, user);
  if (
    userFromVar &&
    u.kind === 'variable' &&
    p.kind === 'token' &&
    exposed &&
    user !== exposed.token.username
  ) {
    return mismatch(picture, u.eff, exposed, input);
  }
  if (
    passFromVar &&
    p.kind === 'variable' &&
    u.kind === 'token' &&
    (user === undefined || user === u.token.token.username)
  ) {
    return mismatch(picture, p.eff, u.token, input);
  }
  return undefined;
}

/** Outside a job: what the API shows can be exported; otherwise the fallback; otherwise why not. */
export function fromApi(input: ResolveInput, picture: TokenPicture, view: JobView): Decision {
  const forJob = { ok: view.ok, line: jobLine(view) };
  const u = settled(view.user);
  const p = settled(view.password);
  const visible =
    u.kind === 'variable' &&
    p.kind === 'variable' &&
    u.eff.variable.value !== null &&
    p.eff.variable.value !== null;
  if (view.ok && visible && view.certain) {
    return {
      ...view,
      credentials: { username: u.eff.variable.value as string, password: p.eff.variable.value as string },
      sources: {
        CI_DEPLOY_USER: variableSource('CI_DEPLOY_USER', u.eff),
        CI_DEPLOY_PASSWORD: variableSource('CI_DEPLOY_PASSWORD', p.eff),
      },
    };
  }
  const fb = fromFallback(input, picture);
  if (fb) return { ...fb, forJob, warnings: [...view.warnings, ...fb.warnings] };
  if (view.ok && visible) {
    const unknown = [view.user, view.password].find((o) => o.kind === 'unknown');
    const path = unknown?.kind === 'unknown' ? `${unknown.eff.path} (${unknown.eff.why})` : 'a nearer level';
    return {
      ...view,
      ok: false,
      forJob: { ok: false, line: 'unknown: a level whose CI/CD variables could not be read lies in front' },
      reason: `the CI/CD variables of ${path} could not be read: they could override CI_DEPLOY_USER / CI_DEPLOY_PASSWORD of ${u.kind === 'variable' ? `${u.eff.level} ${u.eff.path}` : 'a farther level'}, so those are not exported`,
      fix: 'use an API token that can read those variables (Maintainer on projects, Owner on groups), or run inside the job',
    };
  }
  if (view.ok) {
    const what = view.token ? describeLocated(view.token) : 'the hidden CI/CD variables';
    return {
      ...view,
      ok: false,
      forJob: { ok: true, line: forJob.line },
      reason: `GitLab gives the job ${what} at run time; its password is not visible through the API by design (GitLab shows a deploy token once, when it is created, and never returns a hidden variable)`,
      fix: NOT_VISIBLE_FIX,
    };
  }
  return { ...view, forJob };
}

/** The spec's token.fallback, when it holds a password. */
function fromFallback(input: ResolveInput, picture: TokenPicture): Decision | undefined {
  const fb = input.fallback;
  if (!fb?.password) return undefined;
  const sources: Resolution['sources'] = {
    CI_DEPLOY_PASSWORD: {
      kind: 'spec-fallback',
      detail: `spec token.fallback (${fb.passwordEnv ?? 'password_env'})`,
    },
  };
  if (fb.user)
    sources.CI_DEPLOY_USER = {
      kind: 'spec-fallback',
      detail: `spec token.fallback (${fb.usernameEnv ?? 'username_env'})`,
    };
  const username = fb.user || userOfExposed(picture, sources);
  if (!username) {
    return refuseWithoutUser(input, picture, sources, [
      'token.fallback gives CI_DEPLOY_PASSWORD but not CI_DEPLOY_USER, and no gitlab-deploy-token names the user it belongs to',
      'add token.fallback.username_env to the spec, naming a variable with the token username',
    ]);
  }
  const j = judgeUsername(input, picture, username, (sources.CI_DEPLOY_USER as { detail: string }).detail);
  return { ...j, sources, ...(j.ok ? { credentials: { username, password: fb.password } } : {}) };
}

/** In a GitLab job without CI_DEPLOY_PASSWORD in its environment: GitLab gave it nothing. */
export function nothingInJob(input: ResolveInput, picture: TokenPicture, view: JobView): Decision {
  if (!view.ok) return view;
  const fb = fromFallback(input, picture);
  if (fb) return { ...fb, warnings: [...view.warnings, ...fb.warnings] };
  return {
    ...view,
    ok: false,
    reason: `CI_DEPLOY_PASSWORD is not in this job's environment, although GitLab's rules give the job ${jobLine(view)}`,
    details: [
      'a .gitlab-ci.yml `variables:` entry or another source the API cannot show may have emptied it',
    ],
    fix: "check the job's variables: in .gitlab-ci.yml and the pipeline's variables for CI_DEPLOY_PASSWORD",
  };
}

/** One line: what GitLab gives a job, by the API alone. */
export function jobLine(view: JobView): string {
  if (!view.ok) return view.reason ?? 'no working credentials';
  const u = settled(view.user);
  const p = settled(view.password);
  if (u.kind === 'token' && p.kind === 'token') {
    return `the credentials of ${describeLocated(u.token)} (the password is not visible through the API by design; GitLab gives it to the job at run time)`;
  }
  const from = (o: typeof u) =>
    o.kind === 'variable'
      ? `the ${variableWords(o.eff.variable.key, o.eff)}`
      : o.kind === 'token'
        ? describeLocated(o.token)
        : 'nothing';
  return `CI_DEPLOY_USER from ${from(u)} and CI_DEPLOY_PASSWORD from ${from(p)}${view.token ? `, the credentials of ${describeLocated(view.token)}` : ''}`;
}
