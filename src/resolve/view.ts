/**
 * What GitLab gives a job of the project on a protected or unprotected ref, worked out from the API
 * alone (docs/gitlab-rules.md, "A pair is one token"):
 *
 * - app/models/ci/build.rb: the exposed token becomes CI_DEPLOY_USER / CI_DEPLOY_PASSWORD among the
 *   persisted variables, which come first and so rank lowest (lib/gitlab/ci/variables/builder.rb):
 *   CI/CD variables override each key on its own.
 * - lib/gitlab/auth.rb `deploy_token_check`: the token is found by its password, and the login name
 *   must be that token's username; so a user from one source and a password from another is refused
 *   unless both belong to one token.
 */
import { describeLocated, type Located, type TokenPicture } from './tokens.js';
import { judgeUsername, noTokenCause, type Decision } from './judge.js';
import { describeToken, invisibleSources, SETTINGS_VARIABLES, summarize, variableWords } from './messages.js';
import { effectiveVariable, type VariableKey } from './precedence.js';
import { SWAPPED_MESSAGE } from './swapped.js';
import type { Effective, EffectiveSet, ResolveInput, ResolveWarning } from './types.js';

export type Origin =
  | { kind: 'token'; token: Located }
  | { kind: 'variable'; eff: EffectiveSet }
  | { kind: 'unknown'; eff: Extract<Effective, { state: 'unknown' }>; behind: Origin }
  | { kind: 'none' };

export interface JobView extends Decision {
  protectedRef: boolean;
  user: Origin;
  password: Origin;
  /** false when a level that could not be read could change the answer. */
  certain: boolean;
}

function originOf(eff: Effective, exposed: Located | undefined): Origin {
  if (eff.state === 'set') return { kind: 'variable', eff };
  if (eff.state === 'unknown') return { kind: 'unknown', eff, behind: originOf(eff.behind, exposed) };
  return exposed ? { kind: 'token', token: exposed } : { kind: 'none' };
}

/** The origin once unreadable levels are assumed to set nothing. */
export function settled(o: Origin): Exclude<Origin, { kind: 'unknown' }> {
  return o.kind === 'unknown' ? settled(o.behind) : o;
}

export function exposedRule(l: Located): 'project-token' | 'group-token' {
  return l.level === 'project' ? 'project-token' : 'group-token';
}

/** A job's view: what each key comes from, whether the pair is one token, and what to say. */
export function jobView(input: ResolveInput, picture: TokenPicture, protectedRef: boolean): JobView {
  const env = input.environment;
  const eff = (k: VariableKey) => effectiveVariable(input.variables, k, env, protectedRef);
  const user = originOf(eff('CI_DEPLOY_USER'), picture.exposed);
  const password = originOf(eff('CI_DEPLOY_PASSWORD'), picture.exposed);
  const decision = judgePair(input, picture, settled(user), settled(password));
  const view: JobView = {
    ...decision,
    protectedRef,
    user,
    password,
    certain: user.kind !== 'unknown' && password.kind !== 'unknown',
  };
  view.warnings.push(...variableWarnings(input, picture, view));
  const withheld = protectedRef ? [] : withheldLines(input);
  if (!view.ok) view.details.push(...withheld);
  else for (const line of withheld) view.warnings.push({ code: 'protected-variable', message: line });
  return view;
}

function judgePair(
  input: ResolveInput,
  picture: TokenPicture,
  u: Exclude<Origin, { kind: 'unknown' }>,
  p: Exclude<Origin, { kind: 'unknown' }>,
): Decision {
  if (u.kind === 'token' && p.kind === 'token') {
    return {
      ok: true,
      rule: exposedRule(u.token),
      token: u.token,
      sources: {},
      details: [],
      warnings: [],
      considered: [],
    };
  }
  if (u.kind === 'variable' && p.kind === 'variable') return variablePair(input, picture, u.eff, p.eff);
  if (u.kind === 'variable' && p.kind === 'token')
    return userOverTokenPassword(input, picture, u.eff, p.token);
  if (u.kind === 'token' && p.kind === 'variable') return mismatch(picture, p.eff, u.token);
  if (u.kind === 'variable') return incomplete(input, picture, 'CI_DEPLOY_USER', u.eff);
  if (p.kind === 'variable') return incomplete(input, picture, 'CI_DEPLOY_PASSWORD', p.eff);
  return noTokenCause(input, picture);
}

/** Both keys from CI/CD variables: the user names the token; the password cannot be checked. */
function variablePair(
  input: ResolveInput,
  picture: TokenPicture,
  u: EffectiveSet,
  p: EffectiveSet,
): Decision {
  const from = variableWords('CI_DEPLOY_USER', u);
  if (u.variable.value === null) {
    return {
      ok: true,
      rule: 'variables-override',
      sources: {},
      details: [],
      considered: [],
      warnings: [
        { code: 'hidden-variable', message: `${from} is hidden: which token it names cannot be checked` },
      ],
    };
  }
  void p;
  return judgeUsername(input, picture, u.variable.value, from);
}

/** CI_DEPLOY_USER from a variable, CI_DEPLOY_PASSWORD from the exposed token: one token only if the names agree. */
function userOverTokenPassword(
  input: ResolveInput,
  picture: TokenPicture,
  u: EffectiveSet,
  t: Located,
): Decision {
  if (u.variable.value !== null && u.variable.value === t.token.username) {
    return {
      ok: true,
      rule: exposedRule(t),
      token: t,
      sources: {},
      details: [],
      warnings: [],
      considered: [],
    };
  }
  return mismatch(picture, u, t, input);
}

/** A pair from two tokens (lib/gitlab/auth.rb refuses it), cause first. */
export function mismatch(picture: TokenPicture, v: EffectiveSet, t: Located, input?: ResolveInput): Decision {
  const key = v.variable.key as VariableKey;
  const other = key === 'CI_DEPLOY_USER' ? 'CI_DEPLOY_PASSWORD' : 'CI_DEPLOY_USER';
  const details: string[] = [];
  let named = 'another token';
  if (key === 'CI_DEPLOY_USER' && input && v.variable.value !== null) {
    const j = judgeUsername(input, picture, v.variable.value, variableWords(key, v));
    if (j.reason === SWAPPED_MESSAGE) return j;
    if (j.token) named = describeLocated(j.token);
    else if (j.reason) details.push(j.reason);
  }
  if (key === 'CI_DEPLOY_PASSWORD') named = 'the token whose value the variable holds';
  return {
    ok: false,
    rule: 'none',
    sources: {},
    reason:
      `mismatched pair: ${key} comes from the ${variableWords(key, v)}, but ${other} from ${describeLocated(t)}, ` +
      `which GitLab generates: a pair from two tokens (${named} and #${t.token.id}), and GitLab refuses the login ` +
      '(lib/gitlab/auth.rb finds the token by its password, then requires its username)',
    details,
    fix:
      `delete ${key} in ${v.level} ${v.path}'s ${SETTINGS_VARIABLES} so the job gets ${describeLocated(t)}, ` +
      `or add ${other} beside it (same level, environment scope and protection) with the matching ${other === 'CI_DEPLOY_USER' ? 'username' : 'token value'}`,
    warnings: [],
    considered: [],
  };
}

/** One key from a variable and nothing for the other: no working pair. */
function incomplete(input: ResolveInput, picture: TokenPicture, key: VariableKey, v: EffectiveSet): Decision {
  const other = key === 'CI_DEPLOY_USER' ? 'CI_DEPLOY_PASSWORD' : 'CI_DEPLOY_USER';
  const none = noTokenCause(input, picture);
  return {
    ...none,
    reason: none.reason ?? `${other} is not set`,
    details: [
      `the ${variableWords(key, v)} is set, but nothing gives the job ${other}: a pair is one token's username and value`,
      ...none.details,
    ],
    fix: `add ${other} beside ${key} in ${v.level} ${v.path}'s ${SETTINGS_VARIABLES}, or delete ${key}; ${none.fix ?? ''}`.replace(
      /; $/,
      '',
    ),
  };
}

/** Hidden, file, shadowing, unreadable and invisible-source notes for one view. */
function variableWarnings(input: ResolveInput, picture: TokenPicture, view: JobView): ResolveWarning[] {
  const out: ResolveWarning[] = [];
  for (const o of [view.user, view.password]) {
    if (o.kind === 'unknown') {
      out.push({
        code: 'variables-unreadable',
        message: `the CI/CD variables of ${o.eff.path} could not be read (${o.eff.why}): a CI_DEPLOY_USER / CI_DEPLOY_PASSWORD there would override what is shown here`,
      });
    }
    const s = settled(o);
    if (s.kind !== 'variable') continue;
    const v = s.eff.variable;
    if (v.value === null && v.key === 'CI_DEPLOY_PASSWORD') {
      out.push({
        code: 'hidden-variable',
        message:
          `the ${variableWords(v.key, s.eff)} is hidden: the API never returns its value, yet it reaches the job. ` +
          'Inside a GitLab job it is in the job environment; elsewhere give the value through token.fallback.password_env',
      });
    }
    if (v.variable_type === 'file') {
      out.push({
        code: 'file-variable',
        message: `the ${variableWords(v.key, s.eff)} is a file variable: in the job ${v.key} holds the path of a file with the value (deploy-token reads the file there)`,
      });
    }
  }
  if (
    picture.exposed &&
    (settled(view.user).kind === 'variable' || settled(view.password).kind === 'variable')
  ) {
    out.push({
      code: 'variables-shadow-token',
      message:
        `CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD override the variables GitLab generates from ${describeToken(summarize(picture.exposed.token, picture.exposed.level, picture.exposed.owner))} ` +
        `and go stale when the token is rotated. Delete them in ${SETTINGS_VARIABLES} unless you need them`,
    });
  }
  if (!input.inGitLabJob) {
    // Over project and group variables only pipeline-level ones win; over anything else, all of them.
    const over = settled(view.password).kind === 'variable' ? 'variables' : 'token';
    out.push({
      code: 'invisible-variables',
      message: `${invisibleSources(over)} named CI_DEPLOY_USER / CI_DEPLOY_PASSWORD are not visible through the API and would override what is shown here`,
    });
  }
  return out.filter((w, i) => out.findIndex((x) => x.message === w.message) === i);
}

/** Protected variables a job on an unprotected ref does not get (builder/project.rb, builder/group.rb). */
function withheldLines(input: ResolveInput): string[] {
  const out: string[] = [];
  for (const key of ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'] as const) {
    const onProtected = effectiveVariable(input.variables, key, input.environment, true);
    const here = effectiveVariable(input.variables, key, input.environment, false);
    if (onProtected.state !== 'set' || onProtected.variable.protected !== true) continue;
    if (here.state === 'set' && here.variable === onProtected.variable) continue;
    const ref =
      input.ref?.state === 'unprotected'
        ? `${input.ref.ref ?? 'this ref'} is not protected`
        : 'whether this ref is protected is not known (pass --ref NAME)';
    out.push(
      `the ${variableWords(key, onProtected)} is protected: GitLab gives it only to jobs on protected branches and tags, and ${ref}`,
    );
  }
  return out;
}
