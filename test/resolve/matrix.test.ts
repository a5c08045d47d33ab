/**
 * The resolution matrix: project token × group token × GitLab version × where the variables come from.
 * Each row's expectation is derived from GitLab's rules as docs/gitlab-rules.md states them (written
 * here independently of the resolver), then checked against the resolver.
 */
import type { CiVariable, DeployToken } from '../../src/gitlab/types.js';
import { planExitCode, resolveCredentials } from '../../src/resolve/resolver.js';
import type { ResolveInput } from '../../src/resolve/types.js';
import { parseGitLabVersion } from '../../src/gitlab/version.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const FAR = '2027-06-01T00:00:00.000Z';

type ProjectState = 'active' | 'expires-today' | 'expired' | 'revoked' | 'none';
type GroupState = 'direct-parent' | 'grandparent' | 'none' | 'user-namespace';
type Vars = 'environment' | 'api' | 'none' | 'stale';
const VERSIONS = ['14.10.0', '15.0.5-ee', '15.1.0', '17.5.1-ee'] as const;

const projectToken = (state: ProjectState): DeployToken | undefined => {
  const base = {
    id: 11,
    name: 'gitlab-deploy-token',
    username: 'gitlab+deploy-token-11',
    scopes: ['read_registry'],
  };
  switch (state) {
    case 'active':
      return { ...base, expires_at: FAR, revoked: false, expired: false };
    case 'expires-today':
      return { ...base, expires_at: '2026-11-25T00:00:00.000Z', revoked: false, expired: false };
    case 'expired':
      return { ...base, expires_at: '2026-11-20T00:00:00.000Z', revoked: false, expired: true };
    case 'revoked':
      return { ...base, expires_at: null, revoked: true, expired: false };
    case 'none':
      return undefined;
  }
};
const PARENT_TOKEN: DeployToken = {
  id: 21,
  name: 'gitlab-deploy-token',
  username: 'tanuki-deployer',
  expires_at: null,
  revoked: false,
  scopes: ['read_registry'],
};
const GRANDPARENT_TOKEN: DeployToken = { ...PARENT_TOKEN, id: 41, username: 'top-deployer' };
const SECRET: Record<number, string> = {
  11: 'gldt-project11project11pr',
  21: 'gldt-parent21parent21par',
  41: 'gldt-grand41grand41grand',
};

const setPair = (t: DeployToken): CiVariable[] => [
  { key: 'CI_DEPLOY_USER', value: t.username, masked: false, protected: false, environment_scope: '*' },
  { key: 'CI_DEPLOY_PASSWORD', value: SECRET[t.id]!, masked: true, protected: false, environment_scope: '*' },
];

interface Row {
  project: ProjectState;
  group: GroupState;
  version: (typeof VERSIONS)[number];
  vars: Vars;
}

function build(row: Row): ResolveInput {
  const pt = projectToken(row.project);
  const userNs = row.group === 'user-namespace';
  const input: ResolveInput = {
    now: NOW,
    apiAvailable: true,
    version: parseGitLabVersion(row.version)!,
    project: {
      id: 3,
      path: userNs ? 'alice/app' : row.group === 'grandparent' ? 'top/sub/app' : 'tanuki/app',
      namespaceKind: userNs ? 'user' : 'group',
      namespacePath: userNs ? 'alice' : row.group === 'grandparent' ? 'top/sub' : 'tanuki',
    },
    projectTokens: pt ? [pt] : [],
    ancestors: [],
    jobEnv: {},
    variables: {
      project: { level: 'project', path: 'the project', variables: [] },
      groups: userNs ? [] : [{ level: 'group', path: 'the group', variables: [] }],
    },
    minDaysLeft: 7,
  };
  if (row.group === 'direct-parent') input.group = { path: 'tanuki', id: 10, tokens: [PARENT_TOKEN] };
  if (row.group === 'none') input.group = { path: 'tanuki', id: 10, tokens: [] };
  if (row.group === 'grandparent') {
    input.group = { path: 'top/sub', id: 12, tokens: [] };
    input.ancestors = [{ path: 'top', id: 10, tokens: [GRANDPARENT_TOKEN] }];
  }
  const carried = carriedToken(row);
  if (row.vars === 'environment' && carried) {
    input.jobEnv = { user: carried.username, password: SECRET[carried.id]! };
  }
  if (row.vars === 'api' && carried) {
    if (userNs) input.variables.project.variables = setPair(carried);
    else (input.variables.groups[0] as { variables: CiVariable[] }).variables = setPair(carried);
  }
  if (row.vars === 'stale')
    input.jobEnv = { user: 'gitlab+deploy-token-999', password: 'gldt-staleStaleStaleStale' };
  return input;
}

const groupExposed = (v: string) =>
  parseGitLabVersion(v)!.major > 15 ||
  (parseGitLabVersion(v)!.major === 15 && parseGitLabVersion(v)!.minor >= 1);

/** What GitLab would expose by itself: the project's active token, else (15.1+) the direct parent's. */
function exposedToken(row: Row): DeployToken | undefined {
  if (row.project === 'active') return projectToken('active');
  if (row.group === 'direct-parent' && groupExposed(row.version)) return PARENT_TOKEN;
  return undefined;
}

/** The token whose values the variables carry in the row: what a user of that setup would have set. */
function carriedToken(row: Row): DeployToken | undefined {
  if (row.vars === 'environment') {
    return exposedToken(row) ?? (row.group === 'direct-parent' ? PARENT_TOKEN : undefined);
  }
  if (row.vars === 'api') {
    if (row.group === 'direct-parent') return PARENT_TOKEN;
    if (row.group === 'grandparent') return GRANDPARENT_TOKEN;
    if (row.group === 'user-namespace') return projectToken(row.project);
    return undefined;
  }
  return undefined;
}

interface Expect {
  exitCode: 0 | 1;
  /** plan's exit code: 0 also when the job gets working credentials at run time. */
  planExit: 0 | 1;
  rule?: string;
  username?: string;
  passwordSource?: string;
  warnings: string[];
  /** The cause, first. */
  reasonMatches?: RegExp;
  /** A secondary effect, in the details. */
  detailsMatch?: RegExp;
}

/** Why no token reaches the job (the cause GitLab's pick gives), as the first line says. */
function noTokenReason(row: Row): RegExp {
  return row.group === 'direct-parent' && !groupExposed(row.version)
    ? /does not expose group deploy tokens/
    : /gets no CI_DEPLOY_USER/;
}

function expected(row: Row): Expect {
  const exposed = exposedToken(row);
  const warnings: string[] = [];
  if (row.group === 'grandparent') warnings.push('ancestor-token-ignored');
  if (row.group === 'user-namespace' && row.project !== 'active') warnings.push('user-namespace');
  const apiVars = row.vars === 'api' && carriedToken(row) !== undefined;
  if (apiVars && exposed) warnings.push('variables-shadow-token');
  // Outside a job, sources the API cannot show (instance, .gitlab-ci.yml, pipeline variables) are named.
  const envEmpty = row.vars !== 'stale' && (row.vars !== 'environment' || carriedToken(row) === undefined);
  if (envEmpty) warnings.push('invisible-variables');

  if (row.vars === 'stale') {
    // The variables name no token: with a token GitLab exposes that is the cause; without one, the
    // missing token comes first and the stale variables follow.
    return exposed
      ? { exitCode: 1, planExit: 1, warnings, reasonMatches: /stale variables/ }
      : {
          exitCode: 1,
          planExit: 1,
          warnings,
          reasonMatches: noTokenReason(row),
          detailsMatch: /stale variables/,
        };
  }
  const carried = carriedToken(row);
  if (!carried) {
    if (exposed === PARENT_TOKEN && row.version === '15.1.0') warnings.push('feature-flag');
    return exposed
      ? { exitCode: 1, planExit: 0, warnings, reasonMatches: /not visible through the API by design/ }
      : { exitCode: 1, planExit: 1, warnings, reasonMatches: noTokenReason(row) };
  }
  const carriedActive =
    carried.revoked === false && (carried.expires_at === null || carried.expires_at > NOW.toISOString());
  if (!carriedActive) {
    // The variables name the project's own gitlab-deploy-token, which is dead: that is the cause.
    return {
      exitCode: 1,
      planExit: 1,
      warnings,
      reasonMatches: /project token #11 .* (was revoked|expired at)/,
      detailsMatch: /stale variables: .* which (was revoked|expired)/,
    };
  }

  let rule: string;
  if (exposed && exposed.id === carried.id) rule = exposed === PARENT_TOKEN ? 'group-token' : 'project-token';
  else if (exposed) {
    rule = 'variables-override';
    if (!warnings.includes('variables-shadow-token')) warnings.push('variables-shadow-token');
  } else {
    rule = carried.id === 11 ? 'variables-override' : 'group-variables-fallback';
    if (carried === GRANDPARENT_TOKEN) warnings.push('group-token-outside-parent');
  }
  if (rule === 'group-token' && row.version === '15.1.0') warnings.push('feature-flag');
  return {
    exitCode: 0,
    planExit: 0,
    rule,
    username: carried.username,
    passwordSource:
      row.vars === 'environment'
        ? 'job-environment'
        : row.group === 'user-namespace'
          ? 'project-variable'
          : 'group-variable',
    warnings,
  };
}

const rows: Row[] = [];
for (const project of ['active', 'expires-today', 'expired', 'revoked', 'none'] as ProjectState[]) {
  for (const group of ['direct-parent', 'grandparent', 'none', 'user-namespace'] as GroupState[]) {
    for (const version of VERSIONS) {
      for (const vars of ['environment', 'api', 'none', 'stale'] as Vars[])
        rows.push({ project, group, version, vars });
    }
  }
}

describe('resolution matrix (docs/gitlab-rules.md, "Which token")', () => {
  test(`covers every combination (${rows.length} rows)`, () => {
    expect(rows).toHaveLength(5 * 4 * 4 * 4);
  });

  test.each(
    rows.map(
      (r) => [`project=${r.project} group=${r.group} version=${r.version} vars=${r.vars}`, r] as const,
    ),
  )('%s', (_name, row) => {
    const want = expected(row);
    const got = resolveCredentials(build(row));
    expect(got.exitCode).toBe(want.exitCode);
    expect(got.ok).toBe(want.exitCode === 0);
    expect(got.warnings.map((w) => w.code).sort()).toEqual([...want.warnings].sort());
    if (want.exitCode === 0) {
      expect(got.rule).toBe(want.rule);
      expect(got.credentials?.username).toBe(want.username);
      expect(got.sources.CI_DEPLOY_PASSWORD?.kind).toBe(want.passwordSource);
      expect(got.credentials?.password).toBe(SECRET[got.token!.id]);
    } else {
      expect(got.credentials).toBeUndefined();
      expect(got.reason).toMatch(want.reasonMatches!);
      if (want.detailsMatch) expect(got.details?.join('\n')).toMatch(want.detailsMatch);
      expect(got.fix).toBeTruthy();
    }
    expect(planExitCode(got)).toBe(want.planExit);
    // A failure never carries a secret in its words.
    for (const s of Object.values(SECRET)) {
      expect(JSON.stringify({ ...got, credentials: undefined })).not.toContain(s);
    }
  });
});
