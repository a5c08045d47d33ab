/**
 * GitLab's rules as a table of scenarios (docs/gitlab-rules.md), each naming the GitLab source it
 * follows, run through the CLI (in process) against the stand-in GitLab over real HTTP on 127.0.0.1.
 * Where a rule changed between versions, rows cover both sides.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CiVariable } from '../../src/gitlab/types.js';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import { startStandin, type StandinOptions } from '../../src/standin/server.js';
import { mainStep } from '../helpers/action.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';
import { runCli } from '../helpers/cli.js';
import { appWorld, type AppWorld } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-rulesRulesRules12345';
const P11 = 'gldt-ProjToken11ProjToken1';
const P12 = 'gldt-ProjToken12ProjToken1';
const G21 = 'gldt-GroupTok21GroupTok21';
const G22 = 'gldt-GroupTok22GroupTok22';

const projectToken = (over: Partial<ScenarioToken> = {}): ScenarioToken => ({
  id: 11,
  name: 'gitlab-deploy-token',
  expires: '+90d',
  scopes: ['read_repository', 'read_registry'],
  token: P11,
  ...over,
});
const groupToken = (over: Partial<ScenarioToken> = {}): ScenarioToken => ({
  id: 21,
  name: 'gitlab-deploy-token',
  username: 'tanuki-deployer',
  expires: '+200d',
  scopes: ['read_repository', 'read_registry'],
  token: G21,
  ...over,
});
const v = (key: string, value: string | null, over: Partial<CiVariable> = {}): CiVariable => ({
  key,
  value,
  masked: key === 'CI_DEPLOY_PASSWORD',
  protected: false,
  environment_scope: '*',
  ...over,
});
/** The ≤ 15.0 workaround: the group's variables name group token #21. */
const groupPair = (over: Partial<CiVariable> = {}) => [
  v('CI_DEPLOY_USER', 'tanuki-deployer', over),
  v('CI_DEPLOY_PASSWORD', G21, over),
];

/** The world of a row: `main` is the protected branch unless the row says otherwise. */
const scenario = (version: string, w: AppWorld): Scenario =>
  appWorld(version, API, {
    ...w,
    protectedBranches: w.protectedBranches ?? ['main'],
    protectedTags: w.protectedTags ?? [],
  });

interface Row {
  name: string;
  /** The GitLab source line the row follows. */
  source: string;
  version: string;
  world: AppWorld;
  argv: string[];
  env?: Record<string, string>;
  intercept?: StandinOptions['intercept'];
  code: number;
  /** stdout + stderr contain each. */
  says?: (string | RegExp)[];
  /** stdout + stderr contain none (secrets, and values resolution must not hand on). */
  never?: string[];
  /** `--export json` / `--format json` on stdout: checked by this. */
  json?: (o: Record<string, unknown>) => void;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(row: Row) {
  const standin = await startStandin(scenario(row.version, row.world), {
    now: () => NOW,
    ...(row.intercept ? { intercept: row.intercept } : {}),
  });
  try {
    const [command = '', ...rest] = row.argv;
    const r = await runCli([command, '--gitlab-url', standin.url, '--project', 'tanuki/app', ...rest], {
      GITLAB_TOKEN: API,
      ...row.env,
    });
    return r;
  } finally {
    await standin.close();
  }
}

function check(row: Row, r: { code: number; stdout: string; stderr: string }) {
  const all = r.stdout + r.stderr;
  expect({ code: r.code, all }).toMatchObject({ code: row.code });
  for (const s of row.says ?? []) {
    if (typeof s === 'string') expect(all).toContain(s);
    else expect(all).toMatch(s);
  }
  for (const s of row.never ?? []) expect(all).not.toContain(s);
  if (row.json) row.json(JSON.parse(r.stdout) as Record<string, unknown>);
}

const inJob = (over: Record<string, string> = {}) => ({
  GITLAB_CI: 'true',
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_REF_PROTECTED: 'true',
  ...over,
});

const rows: Row[] = [
  // 1. A pair is one token.
  {
    name: 'a CI_DEPLOY_USER variable without a password variable: a pair from two tokens, refused (plan)',
    source:
      'lib/gitlab/auth.rb deploy_token_check: `return if login != token.username`; builder.rb: persisted variables first',
    version: '17.5.1-ee',
    world: {
      projectTokens: [projectToken()],
      groupTokens: [groupToken()],
      projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
    },
    argv: ['plan'],
    code: 1,
    says: [
      'mismatched pair',
      'group token #21',
      'project token #11',
      'delete CI_DEPLOY_USER',
      'add CI_DEPLOY_PASSWORD',
    ],
  },
  {
    name: 'a CI_DEPLOY_PASSWORD variable without a user variable: refused (plan)',
    source: 'lib/gitlab/auth.rb: the token is found by its password (DeployToken.active.find_by_token)',
    version: '17.5.1-ee',
    world: {
      projectTokens: [projectToken()],
      groupTokens: [groupToken()],
      projectVars: [v('CI_DEPLOY_PASSWORD', G21)],
    },
    argv: ['plan'],
    code: 1,
    says: [
      'mismatched pair',
      'CI_DEPLOY_PASSWORD comes from the project CI/CD variable',
      'project token #11',
    ],
    never: [G21],
  },
  {
    name: 'in a job: the user from a variable, the password generated from the project token: resolve refuses',
    source: 'app/models/ci/build.rb deploy_token_variables + lib/gitlab/auth.rb deploy_token_check',
    version: '17.5.1-ee',
    world: {
      projectTokens: [projectToken()],
      groupTokens: [groupToken()],
      projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
    },
    argv: ['resolve', '--export', 'json'],
    env: inJob({ CI_DEPLOY_USER: 'tanuki-deployer', CI_DEPLOY_PASSWORD: P11 }),
    code: 1,
    says: ['mismatched pair', 'delete CI_DEPLOY_USER'],
    never: [P11],
  },
  {
    name: 'in a job: the password from a variable, the user generated: resolve refuses',
    source: 'lib/gitlab/auth.rb deploy_token_check',
    version: '17.5.1-ee',
    world: {
      projectTokens: [projectToken()],
      groupTokens: [groupToken()],
      groupVars: [v('CI_DEPLOY_PASSWORD', G21)],
    },
    argv: ['resolve', '--export', 'json'],
    env: inJob({ CI_DEPLOY_USER: 'gitlab+deploy-token-11', CI_DEPLOY_PASSWORD: G21 }),
    code: 1,
    says: ['mismatched pair', 'CI_DEPLOY_PASSWORD comes from the group CI/CD variable'],
    never: [G21],
  },
  {
    name: 'exec in a job with such a pair: refused before the command runs',
    source: 'lib/gitlab/auth.rb deploy_token_check',
    version: '17.5.1-ee',
    world: {
      projectTokens: [projectToken()],
      groupTokens: [groupToken()],
      projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
    },
    argv: ['exec', '--', 'sh', '-c', 'echo RAN'],
    env: inJob({ CI_DEPLOY_USER: 'tanuki-deployer', CI_DEPLOY_PASSWORD: P11 }),
    code: 1,
    says: ['mismatched pair'],
    never: ['RAN', P11],
  },
  {
    name: 'both keys from variables naming one active token: fine',
    source: 'builder.rb: each key overridden on its own; both name token #21',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken()], groupTokens: [groupToken()], groupVars: groupPair() },
    argv: ['resolve', '--export', 'json'],
    code: 0,
    json: (o) =>
      expect(o).toMatchObject({ username: 'tanuki-deployer', password: G21, rule: 'variables-override' }),
  },
  // 2. Protected variables reach protected refs only.
  {
    name: 'protected group variables, --ref main (protected): exported',
    source: 'lib/gitlab/ci/variables/builder/group.rb: `variables.unprotected unless protected_ref`',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair({ protected: true }) },
    argv: ['resolve', '--export', 'json', '--ref', 'main'],
    code: 0,
    json: (o) => expect(o).toMatchObject({ username: 'tanuki-deployer', password: G21 }),
  },
  {
    name: 'protected group variables, --ref feature (unprotected): nothing, and why',
    source: 'builder/group.rb: `variables.unprotected unless protected_ref`',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair({ protected: true }) },
    argv: ['resolve', '--export', 'json', '--ref', 'feature'],
    code: 1,
    says: [
      'is protected: GitLab gives it only to jobs on protected branches and tags, and feature is not protected',
    ],
    never: [G21],
  },
  {
    name: 'a wildcard protected branch (release/*) protects release/1.0',
    source:
      'lib/gitlab/ref_matcher.rb wildcard_regex; lib/api/protected_branches.rb lists names and wildcards',
    version: '15.0.5-ee',
    world: {
      groupTokens: [groupToken()],
      groupVars: groupPair({ protected: true }),
      protectedBranches: ['release/*'],
    },
    argv: ['plan', '--format', 'json', '--ref', 'release/1.0'],
    code: 0,
    json: (o) => expect(o).toMatchObject({ ok: true, ref: { state: 'protected', ref: 'release/1.0' } }),
  },
  {
    name: 'a protected tag pattern (v*) protects refs/tags/v1.2',
    source: 'app/models/project.rb protected_for?: a tag is judged by the protected tags',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair({ protected: true }), protectedTags: ['v*'] },
    argv: ['plan', '--format', 'json', '--ref', 'refs/tags/v1.2'],
    code: 0,
    json: (o) => expect(o).toMatchObject({ ref: { state: 'protected', ref: 'v1.2' } }),
  },
  {
    name: 'no ref: plan shows both outcomes, resolve exports nothing',
    source: 'builder/project.rb and builder/group.rb: protected_ref decides',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair({ protected: true }) },
    argv: ['resolve', '--export', 'shell'],
    code: 1,
    says: [
      'depends on whether its ref is protected',
      'on a protected ref',
      'on an unprotected ref',
      '--ref NAME',
    ],
    never: [G21],
  },
  {
    name: 'in a job on an unprotected ref (CI_COMMIT_REF_PROTECTED=false): a protected variable is never handed on',
    source:
      'builder.rb protected_ref? (project.protected_for?(pipeline.jobs_git_ref)); CI_COMMIT_REF_PROTECTED',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair({ protected: true }) },
    argv: ['resolve', '--export', 'shell'],
    env: inJob({ CI_COMMIT_REF_NAME: 'feature', CI_COMMIT_REF_PROTECTED: 'false' }),
    code: 1,
    says: ['is protected'],
    never: [G21],
  },
  // 3. Hidden and unreadable values do not fall through.
  {
    name: 'a hidden password at the project, a visible pair at the group: the group value is not exported',
    source:
      'lib/api/entities/ci/variable.rb (value null when hidden, 17.4+); builder.rb: project variables after group ones',
    version: '17.5.1-ee',
    world: {
      groupTokens: [
        groupToken(),
        groupToken({ id: 22, username: 'other-deployer', name: 'other', token: G22 }),
      ],
      projectVars: [v('CI_DEPLOY_USER', 'other-deployer'), v('CI_DEPLOY_PASSWORD', G22, { hidden: true })],
      groupVars: groupPair(),
    },
    argv: ['resolve', '--export', 'json'],
    code: 1,
    says: ['not visible through the API by design', 'is hidden'],
    never: [G21, G22],
  },
  {
    name: 'the same with plan: exit 0, the job gets the hidden value at run time',
    source: 'lib/api/entities/ci/variable.rb: a hidden value still reaches the job',
    version: '17.5.1-ee',
    world: {
      groupTokens: [
        groupToken(),
        groupToken({ id: 22, username: 'other-deployer', name: 'other', token: G22 }),
      ],
      projectVars: [v('CI_DEPLOY_USER', 'other-deployer'), v('CI_DEPLOY_PASSWORD', G22, { hidden: true })],
      groupVars: groupPair(),
    },
    argv: ['plan'],
    code: 0,
    says: ['in a GitLab job'],
    never: [G21, G22],
  },
  {
    name: 'unreadable project variables in front of a readable group pair: not exported',
    source: 'lib/api/variables.rb (Maintainer); builder.rb: a nearer level could override',
    version: '15.0.5-ee',
    world: { groupTokens: [groupToken()], groupVars: groupPair() },
    intercept: (req, next) =>
      /\/projects\/[^/]+\/variables/.test(req.url)
        ? {
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: '{"message":"403 Forbidden"}',
          }
        : next(),
    argv: ['resolve', '--export', 'shell'],
    code: 1,
    says: ['could not be read', 'not exported'],
    never: [G21],
  },
  // 4. One key in several environment scopes, on every version: the list and GitLab's precedence.
  ...['13.1.0', '13.2.0', '16.8.0', '16.9.0', '17.5.1-ee'].map((version): Row => ({
    name: `several scopes on ${version}: production gets its exact row, from the list`,
    source: 'app/models/concerns/has_environment_scope.rb on_environment: exact > pattern > *',
    version,
    world: {
      groupTokens: [
        groupToken(),
        groupToken({ id: 22, username: 'prod-deployer', name: 'prod', token: G22 }),
      ],
      groupVars: [
        ...groupPair(),
        v('CI_DEPLOY_USER', 'prod-deployer', { environment_scope: 'production' }),
        v('CI_DEPLOY_PASSWORD', G22, { environment_scope: 'production' }),
        v('CI_DEPLOY_USER', 'nobody-deployer', { environment_scope: 'prod*' }),
      ],
    },
    argv: ['resolve', '--export', 'json', '--environment', 'production', '--ref', 'main'],
    code: 0,
    json: (o) => expect(o).toMatchObject({ username: 'prod-deployer', password: G22 }),
  })),
  // 5. The dependency proxy: group tokens only; either scope pair; versions.
  ...(
    [
      [
        'a project token',
        '17.5.1-ee',
        { projectTokens: [projectToken({ scopes: ['read_registry', 'write_registry'] })] },
        1,
        'accepts group deploy tokens only',
      ],
      [
        'a group token with read+write registry',
        '17.5.1-ee',
        { groupTokens: [groupToken({ scopes: ['read_registry', 'write_registry'] })] },
        0,
        '',
      ],
      [
        'a group token with the virtual-registry pair on 18.0',
        '18.0.0',
        { groupTokens: [groupToken({ scopes: ['read_virtual_registry', 'write_virtual_registry'] })] },
        0,
        '',
      ],
      [
        'a group token with the virtual-registry pair on 17.11 (flag off by default)',
        '17.11.0',
        { groupTokens: [groupToken({ scopes: ['read_virtual_registry', 'write_virtual_registry'] })] },
        1,
        'dependency_proxy_read_write_scopes',
      ],
      [
        'a group token with read_registry only',
        '17.5.1-ee',
        { groupTokens: [groupToken({ scopes: ['read_registry'] })] },
        1,
        'job proxy needs write_registry',
      ],
      [
        'a group token on 14.1, through the group variables (deploy tokens not yet accepted)',
        '14.1.0',
        {
          groupTokens: [groupToken({ scopes: ['read_registry', 'write_registry'] })],
          groupVars: groupPair(),
        },
        1,
        'from GitLab 14.2 on',
      ],
      [
        'a group token on 14.2, through the group variables',
        '14.2.0',
        {
          groupTokens: [groupToken({ scopes: ['read_registry', 'write_registry'] })],
          groupVars: groupPair(),
        },
        0,
        '',
      ],
    ] as [string, string, AppWorld, number, string][]
  ).map(([what, version, world, code, says]): Row => ({
    name: `dependency proxy with ${what}`,
    source: 'app/models/deploy_token.rb valid_for_dependency_proxy?',
    version,
    world,
    argv: ['plan', '--spec', 'SPEC', '--job', 'proxy'],
    code,
    ...(says ? { says: [says] } : {}),
  })),
  // 6. LFS with a group token, both sides of 15.7.
  {
    name: 'LFS with a group token on 15.6: warned',
    source: 'app/controllers/concerns/lfs_request.rb `deploy_token.project == project` (issue 235398)',
    version: '15.6.0',
    world: { groupTokens: [groupToken()] },
    argv: ['plan', '--lfs'],
    code: 0,
    says: ['group-token-lfs'],
  },
  {
    name: 'LFS with a group token on 15.7: no warning',
    source: 'app/controllers/concerns/lfs_request.rb `has_access_to?` (MR !104529)',
    version: '15.7.0',
    world: { groupTokens: [groupToken()] },
    argv: ['plan', '--lfs'],
    code: 0,
    never: ['group-token-lfs'],
  },
  // 7. Pushing images needs read_registry as well.
  {
    name: 'a job that pushes images with a write_registry-only token: read_registry is missing',
    source: 'doc/user/project/deploy_tokens: "You need both read and write access to push images"',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken({ scopes: ['write_registry'] })] },
    argv: ['plan', '--spec', 'SPEC', '--job', 'push'],
    code: 1,
    says: ['job push needs read_registry', 'has only write_registry'],
  },
  // 8. Older GitLab answers.
  {
    name: 'GitLab 13.12: entities without revoked/expired are parsed, not exit 3',
    source: 'lib/api/entities/deploy_token.rb before revoked/expired (issue 292433)',
    version: '13.12.0',
    world: { projectTokens: [projectToken()] },
    argv: ['plan', '--format', 'json'],
    code: 0,
    json: (o) =>
      expect((o.warnings as { code: string }[]).map((w) => w.code)).toContain('revocation-unknown'),
  },
  {
    name: 'an empty username is the default one',
    source:
      'app/models/deploy_token.rb `username`: super || default_username; DeployTokenMethods `.presence`',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken({ username: '' })] },
    argv: ['resolve', '--export', 'json'],
    env: { CI_DEPLOY_USER: 'gitlab+deploy-token-11', CI_DEPLOY_PASSWORD: P11 },
    code: 0,
    json: (o) => expect(o).toMatchObject({ username: 'gitlab+deploy-token-11', rule: 'project-token' }),
  },
  // 9. Sources the API cannot show; file variables.
  {
    name: 'plan outside a job names the sources the API cannot show, and exits 0 for a healthy project',
    source:
      'lib/gitlab/ci/variables/builder.rb scoped_variables: yaml, instance, dotenv, pipeline and schedule variables',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken()] },
    argv: ['plan'],
    code: 0,
    says: [
      'invisible-variables',
      '.gitlab-ci.yml variables:',
      'not visible through the API by design',
      'GitLab gives it to the job at run time',
    ],
  },
  // 10. Several active gitlab-deploy-tokens.
  {
    name: 'several active gitlab-deploy-tokens: the job got #12, GitLab\'s pick, not "variables override"',
    source: 'app/models/deploy_token.rb gitlab_deploy_token: active.find_by(name:), LIMIT 1 without ORDER BY',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken(), projectToken({ id: 12, token: P12 })] },
    argv: ['resolve', '--export', 'json'],
    env: inJob({ CI_DEPLOY_USER: 'gitlab+deploy-token-12', CI_DEPLOY_PASSWORD: P12 }),
    code: 0,
    says: ['unspecified'],
    json: (o) => expect(o).toMatchObject({ rule: 'project-token', token: { id: 12 } }),
  },
  // Issue 16: the cause first.
  {
    name: 'an expired token and only CI_DEPLOY_PASSWORD in the environment: the expiry first',
    source: 'app/models/deploy_token.rb scope :active (expires_at >= NOW())',
    version: '17.5.1-ee',
    world: { projectTokens: [projectToken({ expires: '+0d' })] },
    argv: ['resolve', '--export', 'shell'],
    env: { CI_DEPLOY_PASSWORD: P11 },
    code: 1,
    says: [
      /deploy-token: error: the job gets no CI_DEPLOY_USER \/ CI_DEPLOY_PASSWORD: project token #11 .* expired at 2026-11-25 00:00 UTC/,
      'CI_DEPLOY_USER is not',
    ],
    never: [P11],
  },
  // Issue 12: a CI_DEPLOY_USER that holds a token is reported, never shown.
  ...(
    [
      ['a gldt- token', 'gldt-Swapped1Swapped1Swap'],
      ['a custom-prefix token', 'acme-gldt-Swapped2Swapped2Swap'],
      ['a prefix-less 20-character token that is no known username', 'Zq8kP3mN7vB2xC5tR9wL'],
      ['the password itself', P11],
    ] as [string, string][]
  ).flatMap(([what, value]): Row[] => [
    {
      name: `CI_DEPLOY_USER holding ${what}: swapped variables, value never shown (resolve)`,
      source: 'lib/gitlab/auth.rb: the login name must be the token username; a token there is a swap',
      version: '17.5.1-ee',
      world: { projectTokens: [projectToken()] },
      argv: ['resolve', '--export', 'json'],
      env: { CI_DEPLOY_USER: value, CI_DEPLOY_PASSWORD: P11 },
      code: 1,
      says: ['CI_DEPLOY_USER holds what looks like a token: the variables may be swapped'],
      never: [value, P11],
    },
    {
      name: `CI_DEPLOY_USER variable holding ${what}: swapped, value never shown (plan)`,
      source: 'builder.rb: the variable becomes CI_DEPLOY_USER',
      version: '15.0.5-ee',
      world: {
        groupTokens: [groupToken()],
        groupVars: [v('CI_DEPLOY_USER', value), v('CI_DEPLOY_PASSWORD', G21)],
      },
      argv: ['plan', '--format', 'json'],
      code: 1,
      says: ['CI_DEPLOY_USER holds what looks like a token'],
      never: [value, G21],
    },
  ]),
];

const SPEC = `version: 1
jobs:
  proxy:
    dependency_proxy: true
    scopes: [read_registry, write_registry]
  push:
    scopes: [read_registry, write_registry]
`;

describe('GitLab rules, scenario by scenario (through the CLI, against the stand-in)', () => {
  test.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    let argv = row.argv;
    if (argv.includes('SPEC')) {
      const dir = mkdtempSync(join(tmpdir(), 'rules-spec-'));
      dirs.push(dir);
      writeFileSync(join(dir, 'deploy-token.yml'), SPEC);
      argv = argv.map((a) => (a === 'SPEC' ? join(dir, 'deploy-token.yml') : a));
    }
    expect(row.source).toMatch(/\S/);
    check(row, await run({ ...row, argv }));
  });
});

describe('file variables: in the job CI_DEPLOY_PASSWORD is a path', () => {
  test('the file is read (the API says the variable is a file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-file-'));
    dirs.push(dir);
    const path = join(dir, 'pw.txt');
    writeFileSync(path, `${G21}\n`);
    const r = await run({
      name: 'file',
      source:
        'lib/gitlab/ci/variables/collection/item.rb (file: true): the runner writes the value to a file',
      version: '15.0.5-ee',
      world: {
        groupTokens: [groupToken()],
        groupVars: [
          v('CI_DEPLOY_USER', 'tanuki-deployer'),
          v('CI_DEPLOY_PASSWORD', G21, { variable_type: 'file' }),
        ],
      },
      argv: ['resolve', '--export', 'json'],
      env: inJob({ CI_DEPLOY_USER: 'tanuki-deployer', CI_DEPLOY_PASSWORD: path }),
      code: 0,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'tanuki-deployer', password: G21 });
    expect(r.stdout).not.toContain(path);
  });
});

describe('the action sees a mismatched pair too', () => {
  test('variables give CI_DEPLOY_USER only: exit 1, nothing exported', async () => {
    const standin = await startStandin(
      scenario('17.5.1-ee', {
        projectTokens: [projectToken()],
        groupTokens: [groupToken()],
        projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
      }),
      { now: () => NOW },
    );
    const dir = mkdtempSync(join(tmpdir(), 'rules-action-'));
    dirs.push(dir);
    emptyRunnerFiles(dir);
    try {
      const inputs = { 'gitlab-url': standin.url, 'gitlab-token': API, project: 'tanuki/app' };
      const { code, out } = await mainStep(runnerEnv(dir, inputs), dir, () => NOW);
      expect(code).toBe(1);
      expect(out).toContain('mismatched pair');
      expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
    } finally {
      await standin.close();
    }
  });
});
