/**
 * `provision` over real HTTP against the stand-in GitLab, which enforces GitLab's roles, token
 * scopes and validation: permissions checked up front, dry run, stores, printing once, refusals.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, test } from '@jest/globals';
import type { Scenario } from '../../src/standin/model.js';
import {
  startStandin,
  type RunningStandin,
  type StandinRequest,
  type StandinResponse,
} from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';
import { forbidden, lost } from '../helpers/standin-faults.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const OWNER = 'glpat-ownerOwnerOwner0001';
const MAINT = 'glpat-maintMaintMaint0002';
const DEV = 'glpat-devDevDevDevDev0003';
const READ = 'glpat-readReadReadRead04';

function scenario(): Scenario {
  return {
    name: 'provision',
    title: 'provision',
    description: 'roles and scopes',
    version: '17.5.1-ee',
    apiTokens: [OWNER, MAINT, DEV, READ],
    apiUsers: [
      { token: OWNER, id: 2, username: 'olivia', scopes: ['api'], access: { tanuki: 50 } },
      { token: MAINT, id: 3, username: 'max', scopes: ['api'], access: { tanuki: 40 } },
      { token: DEV, id: 4, username: 'dana', scopes: ['api'], access: { 'tanuki/app': 30 } },
      { token: READ, id: 5, username: 'rita', scopes: ['read_api'], access: { tanuki: 50 } },
    ],
    groups: [{ id: 10, full_path: 'tanuki', parent_id: null, tokens: [], variables: [] }],
    projects: [{ id: 3, path_with_namespace: 'tanuki/app', namespace_id: 10, tokens: [], variables: [] }],
    project: 'tanuki/app',
  };
}

let running: RunningStandin | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function run(
  sc: Scenario,
  argv: string[],
  token = OWNER,
  env: Record<string, string> = {},
  intercept?: (req: StandinRequest, next: () => StandinResponse) => StandinResponse,
) {
  running = await startStandin(sc, { now: () => NOW, ...(intercept ? { intercept } : {}) });
  const r = await runCli(
    ['provision', '--gitlab-url', running.url, ...argv],
    { GITLAB_TOKEN: token, ...env },
    { now: NOW },
  );
  const writes = running.gitlab.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.url}`);
  /** The JSON bodies sent (what the tool told GitLab), for checks on what must not come back. */
  const requestsBodies = running.gitlab.requests
    .filter((q) => q.body)
    .map((q) => JSON.parse(q.body ?? '{}') as { key?: string; value?: string });
  return { ...r, writes, requestsBodies };
}

/** The flags of a group token on tanuki, and of a project token on tanuki/app (id 3), with read_registry. */
const GROUP_FLAGS = ['--level', 'group', '--group', 'tanuki', '--scopes', 'read_registry'];
const PROJECT_FLAGS = ['--project', '3', '--scopes', 'read_registry'];

const G = (sc: Scenario) => sc.groups[0]!;
const P = (sc: Scenario) => sc.projects[0]!;

describe('provision: stores and printing', () => {
  test('--store none --format json prints the token once on stdout, nowhere else', async () => {
    const sc = scenario();
    const r = await run(sc, ['--project', 'tanuki/app', '--scopes', 'read_repository', '--expires-in', '30']);
    expect(r.code).toBe(0);
    const t = P(sc).tokens![0]!;
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      id: t.id,
      name: 'gitlab-deploy-token',
      username: `gitlab+deploy-token-${t.id}`,
      token: t.token,
      scopes: ['read_repository'],
      level: 'project',
      owner: 'tanuki/app',
    });
    expect(out.expires_at).toBe('2026-12-25T00:00:00.000Z');
    expect(r.stderr).not.toContain(t.token);
    expect(r.stderr).toContain('printed once');
    expect(r.writes).toEqual(['POST /api/v4/projects/3/deploy_tokens']);
  });

  test('--format shell prints export lines a real sh reads back byte for byte', async () => {
    const sc = scenario();
    const r = await run(sc, [...PROJECT_FLAGS, '--username', 'deploy.bot+ci', '--format', 'shell']);
    expect(r.code).toBe(0);
    const t = P(sc).tokens![0]!;
    const got = execFileSync(
      'sh',
      ['-c', `${r.stdout}\nprintf '%s\\n%s' "$CI_DEPLOY_USER" "$CI_DEPLOY_PASSWORD"`],
      { encoding: 'utf8' },
    );
    expect(got).toBe(`deploy.bot+ci\n${t.token}`);
    expect(r.stderr).toContain('never expires');
  });

  test('in a GitHub step the printed token is masked first', async () => {
    const r = await run(scenario(), [...PROJECT_FLAGS], OWNER, {
      GITHUB_ACTIONS: 'true',
    });
    expect(r.stdout.split('\n')[0]).toMatch(/^::add-mask::gldt-/);
  });

  test('in a GitLab job, printing is warned about (GitLab cannot mask it at run time)', async () => {
    const r = await run(scenario(), [...PROJECT_FLAGS], OWNER, {
      GITLAB_CI: 'true',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GitLab cannot mask a value printed at run time');
    expect(r.stderr).not.toMatch(/gldt-/);
  });

  test('--store project-variables --protected writes both variables masked and protected', async () => {
    const sc = scenario();
    const r = await run(
      sc,
      [
        '--project',
        'tanuki/app',
        '--scopes',
        'read_repository,read_registry',
        '--expires-at',
        '2027-03-01',
        '--store',
        'project-variables',
        '--protected',
      ],
      MAINT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const t = P(sc).tokens![0]!;
    const vars = Object.fromEntries(P(sc).variables!.map((v) => [v.key, v]));
    expect(vars.CI_DEPLOY_USER).toMatchObject({
      value: `gitlab+deploy-token-${t.id}`,
      masked: true,
      protected: true,
      environment_scope: '*',
    });
    expect(vars.CI_DEPLOY_PASSWORD).toMatchObject({ value: t.token, masked: true, protected: true });
    expect(t.expires).toBe('2027-03-01T00:00:00.000Z');
    expect(r.stdout + r.stderr).not.toContain(t.token);
  });

  test('--level group --store group-variables updates existing variables (PUT) and keeps other keys', async () => {
    const sc = scenario();
    G(sc).variables = [
      {
        key: 'CI_DEPLOY_USER',
        value: 'someone-else',
        masked: false,
        protected: false,
        environment_scope: '*',
      },
      { key: 'OTHER', value: 'keep-me-please', masked: false, protected: false, environment_scope: '*' },
    ];
    const r = await run(sc, [...GROUP_FLAGS, '--expires-in', '7', '--store', 'group-variables']);
    expect(r.code).toBe(0);
    expect(r.writes).toEqual([
      'POST /api/v4/groups/10/deploy_tokens',
      'PUT /api/v4/groups/10/variables/CI_DEPLOY_USER?filter%5Benvironment_scope%5D=*',
      'POST /api/v4/groups/10/variables',
    ]);
    expect(G(sc).variables!.find((v) => v.key === 'OTHER')!.value).toBe('keep-me-please');
    expect(G(sc).tokens![0]!.name).toBe('gitlab-deploy-token');
  });

  test("--level group without --group uses the project's parent group", async () => {
    const sc = scenario();
    const r = await run(sc, ['--level', 'group', '--project', 'tanuki/app', '--scopes', 'read_registry']);
    expect(r.code).toBe(0);
    expect(G(sc).tokens!.length).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 'group', owner: 'tanuki' });
  });
});

describe('provision: idempotence and refusals', () => {
  test('run twice: the second run finds the token already stored and changes nothing', async () => {
    const sc = scenario();
    const argv = [...GROUP_FLAGS, '--expires-in', '30', '--store', 'group-variables'];
    expect((await run(sc, argv)).code).toBe(0);
    await running!.close();
    const again = await run(sc, argv);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already provisioned');
    expect(again.writes).toEqual([]);
    expect(G(sc).tokens!.length).toBe(1);
  });

  test('an existing token without --rotate: exit 1, nothing written, --rotate suggested', async () => {
    const sc = scenario();
    P(sc).tokens = [
      {
        id: 5,
        name: 'gitlab-deploy-token',
        expires: '+30d',
        scopes: ['read_registry'],
        token: 'gldt-Existing5Existing5Ex',
      },
    ];
    const r = await run(sc, [...PROJECT_FLAGS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already has an active deploy token named "gitlab-deploy-token" (#5)');
    expect(r.stderr).toContain('--rotate');
    expect(r.writes).toEqual([]);
  });

  test('a hidden CI_DEPLOY_PASSWORD cannot be restored, so it is refused before any change', async () => {
    const sc = scenario();
    P(sc).variables = [
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: 'hidden-value-123',
        masked: true,
        hidden: true,
        environment_scope: '*',
      },
    ];
    const r = await run(sc, [...PROJECT_FLAGS, '--store', 'project-variables']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hidden variable');
    expect(r.writes).toEqual([]);
  });

  test('the same key in another environment scope is refused before any change (those jobs would break)', async () => {
    const sc = scenario();
    G(sc).variables = [
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: 'gldt-ProdOnlyProdOnly123',
        masked: true,
        environment_scope: 'production',
      },
    ];
    const r = await run(sc, [...GROUP_FLAGS, '--store', 'group-variables']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CI_DEPLOY_PASSWORD for environment scope "production"');
    expect(r.stderr).toContain('nothing was changed');
    expect(r.writes).toEqual([]);
  });

  test('--dry-run checks permissions, prints the plan and changes nothing', async () => {
    const sc = scenario();
    G(sc).tokens = [
      {
        id: 8,
        name: 'gitlab-deploy-token',
        expires: '+3d',
        scopes: ['read_registry'],
        token: 'gldt-Old8Old8Old8Old8Old8',
      },
    ];
    const r = await run(sc, [
      ...GROUP_FLAGS,
      '--store',
      'group-variables',
      '--rotate',
      '--dry-run',
      '--expires-in',
      '60',
    ]);
    expect(r.code).toBe(0);
    expect(r.writes).toEqual([]);
    expect(r.stderr).toContain('permissions: user olivia: Owner on group tanuki');
    expect(r.stdout).toContain('would create group deploy token "gitlab-deploy-token" on group tanuki');
    expect(r.stdout).toContain('would create CI_DEPLOY_USER on group tanuki (masked, all environments)');
    expect(r.stdout).toContain('would delete the old token #8');
    expect(r.stdout.split('\n')[0]).toMatch(/^would create group deploy token/);
    expect(r.stderr).toContain('nothing changed (dry run)');
  });
});

describe('provision: permissions are checked up front', () => {
  const cases: [string, string, string[], RegExp][] = [
    [
      'Developer on the project',
      DEV,
      ['--project', 'tanuki/app'],
      /user dana is Developer on tanuki\/app; .*needs Maintainer or Owner/,
    ],
    [
      'Maintainer on the group (group tokens need Owner)',
      MAINT,
      ['--level', 'group', '--group', 'tanuki'],
      /user max is Maintainer on group tanuki; .*needs Owner/,
    ],
    ['a read_api token', READ, ['--project', 'tanuki/app'], /has the scopes read_api but not `api`/],
  ];
  test.each(cases)('%s: exit 1 with what is missing, nothing written', async (_l, token, extra, message) => {
    const sc = scenario();
    const r = await run(sc, [...extra, '--scopes', 'read_registry'], token);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('nothing was changed');
    expect(r.writes).toEqual([]);
  });

  test('GitLab before 15.5 cannot say the token scopes: said, and the change goes ahead', async () => {
    const sc = { ...scenario(), version: '15.0.5-ee' };
    const r = await run(sc, ['--project', 'tanuki/app', '--scopes', 'read_registry'], MAINT);
    expect(r.stderr).toContain('API token scopes: unknown');
    expect(r.code).toBe(0);
  });
});

describe('provision: bad flags exit 2 before GitLab is asked', () => {
  const bad: [string[], RegExp][] = [
    [[], /needs --scopes/],
    [['--scopes', 'api'], /unknown deploy-token scope "api"/],
    [['--scopes', 'read_registry', '--expires-in', '0'], /--expires-in must be a whole number/],
    [['--scopes', 'read_registry', '--expires-in', '3', '--expires-at', '2027-01-01'], /not both/],
    [['--scopes', 'read_registry', '--expires-at', '2026-11-25'], /not in the future/],
    [['--scopes', 'read_registry', '--expires-at', '2027-02-30'], /must be a date/],
    [['--scopes', ','], /--scopes names no scope/],
    [['--scopes', ' , '], /--scopes names no scope/],
    // Date.parse would roll these over to another day.
    [['--scopes', 'read_registry', '--expires-at', '2027-02-30T00:00Z'], /must be a date/],
    [['--scopes', 'read_registry', '--expires-at', '2027-03-01T24:00Z'], /must be a date/],
    [['--scopes', 'read_registry', '--name', ' gitlab-deploy-token'], /without leading or trailing space/],
    [['--scopes', 'read_registry', '--name', '\u202enekot-yolped-baltig'], /bidi/],
    [['--scopes', 'read_registry', '--name', 'gitlab-deploy\u00ad-token'], /bidi or zero-width/],
    [['--scopes', 'read_registry', '--name', 'gitlab-deploy-token\u2028'], /bidi or zero-width/],
    [['--scopes', 'read_registry', '--username', 'bad name'], /is not a deploy-token username/],
    [
      ['--scopes', 'read_registry', '--username', 'short', '--store', 'project-variables'],
      /cannot be stored as a masked variable/,
    ],
    [['--scopes', 'read_registry', '--store', 'group-variables'], /project token stored in group variables/],
    [['--scopes', 'read_registry', '--protected'], /--protected applies to stored variables/],
    [
      ['--scopes', 'read_registry', '--format', 'shell', '--store', 'project-variables'],
      /--format shell prints the token as export lines, which only --store none does/,
    ],
  ];
  test.each(bad)('%j', async (argv, message) => {
    const r = await run(scenario(), ['--project', '3', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(running!.gitlab.requests.length).toBe(0);
  });

  test('no API token: exit 2 naming GITLAB_TOKEN', async () => {
    running = await startStandin(scenario(), { now: () => NOW });
    const r = await runCli(
      ['provision', '--gitlab-url', running.url, '--project', '3', '--scopes', 'read_registry'],
      {},
      { now: NOW },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$GITLAB_TOKEN');
  });
});

describe('provision and audit agree', () => {
  test('after provisioning and after rotating, audit finds no error', async () => {
    const sc = scenario();
    const argv = [...GROUP_FLAGS, '--expires-in', '90', '--store', 'group-variables', '--protected'];
    expect((await run(sc, argv)).code).toBe(0);
    const audit = async () => {
      const r = await runCli(
        ['audit', '--group', 'tanuki', '--gitlab-url', running!.url, '--format', 'json'],
        { GITLAB_TOKEN: OWNER },
        { now: NOW },
      );
      return {
        code: r.code,
        report: JSON.parse(r.stdout) as { findings: { severity: string; code: string }[] },
      };
    };
    let a = await audit();
    expect(a.report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.code).toBe(0);
    await running!.close();
    expect((await run(sc, [...argv, '--rotate'])).code).toBe(0);
    a = await audit();
    expect(a.report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.code).toBe(0);
  });

  test('--rotate --store none prints the new token once and deletes the old one', async () => {
    const sc = scenario();
    P(sc).tokens = [
      {
        id: 5,
        name: 'gitlab-deploy-token',
        expires: '+3d',
        scopes: ['read_registry'],
        token: 'gldt-Existing5Existing5Ex',
      },
    ];
    const r = await run(sc, [...PROJECT_FLAGS, '--expires-in', '30', '--rotate']);
    expect(r.code).toBe(0);
    const t = P(sc).tokens!;
    expect(t.length).toBe(1);
    expect(t[0]!.id).not.toBe(5);
    expect((JSON.parse(r.stdout) as { token: string }).token).toBe(t[0]!.token);
    expect(r.stderr).toContain('deleted old token #5');
  });
});

describe('the 15.0 caveat, found and fixed', () => {
  test('audit on 15.0 finds a group token jobs never get; provision --rotate into group variables fixes it', async () => {
    const sc = { ...scenario(), version: '15.0.5-ee' };
    G(sc).tokens = [
      {
        id: 21,
        name: 'gitlab-deploy-token',
        expires: '+60d',
        scopes: ['read_registry'],
        token: 'gldt-GroupTok21GroupTok21',
      },
    ];
    running = await startStandin(sc, { now: () => NOW });
    const audit = () =>
      runCli(
        ['audit', '--group', 'tanuki', '--gitlab-url', running!.url],
        { GITLAB_TOKEN: OWNER },
        { now: NOW },
      );
    const before = await audit();
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/error +group-token-before-15\.1 +tanuki\/app #21/);
    const fix = await runCli(
      [
        'provision',
        '--gitlab-url',
        running.url,
        ...GROUP_FLAGS,
        '--expires-in',
        '60',
        '--store',
        'group-variables',
        '--rotate',
      ],
      { GITLAB_TOKEN: OWNER },
      { now: NOW },
    );
    expect(fix.code).toBe(0);
    const after = await audit();
    expect(after.stdout).not.toContain('group-token-before-15.1');
    expect(after.code).toBe(0);
    // And the job now resolves working credentials through the variables (the 15.0 workaround).
    const plan = await runCli(
      ['plan', '--gitlab-url', running.url, '--project', 'tanuki/app'],
      { GITLAB_TOKEN: OWNER },
      { now: NOW },
    );
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('group tokens reach jobs only through CI/CD variables');
  });
});

describe('hostile names from GitLab', () => {
  test('a token name with terminal escapes and newlines never reaches provision, plan, audit or cleanup output raw', async () => {
    const sc = scenario();
    const evil = 'deploy-token-ephemeral-x\u001b[31mRED\u001b]0;title\u0007\nforged: line\u2028';
    P(sc).tokens = [
      {
        id: 5,
        name: 'gitlab-deploy-token',
        username: 'gitlab+deploy-token-5',
        expires: '+3d',
        scopes: ['read_registry'],
        token: 'gldt-Existing5Existing5Ex',
      },
      { id: 6, name: evil, expires: null, scopes: ['read_registry'], token: 'gldt-Evil6Evil6Evil6Evil6' },
    ];
    const outs: string[] = [];
    const rot = await run(sc, [...PROJECT_FLAGS, '--rotate', '--dry-run']);
    outs.push(rot.stdout, rot.stderr);
    for (const argv of [
      ['plan', '--project', '3'],
      ['audit', '--group', 'tanuki'],
      ['audit', '--group', 'tanuki', '--format', 'markdown'],
      ['cleanup', '--ephemeral', '--dry-run', '--project', '3'],
    ]) {
      const r = await runCli([...argv, '--gitlab-url', running!.url], { GITLAB_TOKEN: OWNER }, { now: NOW });
      outs.push(r.stdout, r.stderr);
    }
    const all = outs.join('');
    expect(all).toContain('deploy-token-ephemeral-x?[31mRED');
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u2028]/);
    expect(all).not.toContain('\nforged: line');
  });

  test('--name with control characters is refused (exit 2)', async () => {
    const r = await run(scenario(), [...PROJECT_FLAGS, '--name', 'a\u001b[0m']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without leading or trailing space, control, bidi or zero-width characters');
  });
});

describe('provision: what a rotation must not break', () => {
  const OLD = {
    id: 5,
    name: 'gitlab-deploy-token',
    expires: '+3d',
    scopes: ['read_registry'],
    token: 'gldt-Existing5Existing5Ex',
  };
  const userVar = (value: string) => ({ key: 'CI_DEPLOY_USER', value, masked: true, environment_scope: '*' });
  const passVar = (value: string) => ({
    key: 'CI_DEPLOY_PASSWORD',
    value,
    masked: true,
    environment_scope: '*',
  });

  test('--rotate --store none while the project variables name the old token: exit 1, nothing changed', async () => {
    const sc = scenario();
    P(sc).tokens = [{ ...OLD }];
    P(sc).variables = [userVar('gitlab+deploy-token-5'), passVar(OLD.token)];
    const r = await run(sc, [...PROJECT_FLAGS, '--expires-in', '30', '--rotate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'CI_DEPLOY_USER on project tanuki/app (environment scope "*") names the token this rotation would delete',
    );
    expect(r.stderr).toContain('--store project-variables');
    expect(r.writes).toEqual([]);
    // --store none reports JSON: the error and exit code, no token (none was created).
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ exit_code: 1, state: ['nothing was changed'] });
    expect(report).not.toHaveProperty('token');
  });

  test('--rotate of a group token (--store none) while the group variables name it: exit 1, nothing changed', async () => {
    const sc = scenario();
    G(sc).tokens = [{ ...OLD }];
    G(sc).variables = [userVar('gitlab+deploy-token-5'), passVar(OLD.token)];
    const r = await run(sc, [...GROUP_FLAGS, '--rotate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CI_DEPLOY_USER on group tanuki');
    expect(r.stderr).toContain('--store group-variables');
    expect(r.writes).toEqual([]);
  });

  test('with --store none, a token kept after a failure past the point of no return is still printed (its only copy)', async () => {
    const sc = scenario();
    P(sc).tokens = [{ ...OLD }, { ...OLD, id: 6, token: 'gldt-Orphan6Orphan6Orphan' }];
    const r = await run(sc, [...PROJECT_FLAGS, '--expires-in', '30', '--rotate'], OWNER, {}, (req, next) =>
      req.method === 'DELETE' && req.url.endsWith('/deploy_tokens/6') ? forbidden() : next(),
    );
    expect(r.code).toBe(1);
    const kept = P(sc).tokens!.find((t) => t.id !== 6)!;
    expect(kept.id).not.toBe(5);
    expect(r.stderr).toContain('old token #5: deleted');
    expect((JSON.parse(r.stdout) as { token: string }).token).toBe(kept.token);
    expect(r.stderr).not.toContain(kept.token);
  });

  test('existing file-type and protected variables become plain, masked variables and stay protected', async () => {
    const sc = scenario();
    P(sc).tokens = [{ ...OLD }];
    P(sc).variables = [
      { ...userVar('gitlab+deploy-token-5'), variable_type: 'file', protected: true },
      { ...passVar(OLD.token), variable_type: 'file', protected: true },
    ];
    const r = await run(sc, [
      ...PROJECT_FLAGS,
      '--expires-in',
      '30',
      '--store',
      'project-variables',
      '--rotate',
    ]);
    expect(r.code).toBe(0);
    for (const v of P(sc).variables!) {
      expect({ key: v.key, type: v.variable_type, protected: v.protected, masked: v.masked }).toEqual({
        key: v.key,
        type: 'env_var',
        protected: true,
        masked: true,
      });
    }
  });

  test('the plan says a file variable becomes a plain one and a protected one stays protected', async () => {
    const sc = scenario();
    P(sc).tokens = [{ ...OLD }];
    P(sc).variables = [
      { ...userVar('gitlab+deploy-token-5'), variable_type: 'file', protected: true },
      passVar(OLD.token),
    ];
    const r = await run(sc, [...PROJECT_FLAGS, '--store', 'project-variables', '--rotate', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'would update CI_DEPLOY_USER on project tanuki/app (masked, protected, all environments, stays protected as it was, was a file variable: becomes a plain one)',
    );
    expect(r.stdout).toContain(
      'would update CI_DEPLOY_PASSWORD on project tanuki/app (masked, all environments)',
    );
  });

  test('"already provisioned" only when the variables are as this command stores them', async () => {
    const cases: [string, Record<string, unknown>, string[], RegExp][] = [
      ['unmasked password', { masked: false }, [], /CI_DEPLOY_PASSWORD is not masked/],
      ['file-type password', { variable_type: 'file' }, [], /CI_DEPLOY_PASSWORD is a file variable/],
      ['--protected asked, not protected', {}, ['--protected'], /CI_DEPLOY_PASSWORD is not protected/],
    ];
    for (const [label, flags, extra, message] of cases) {
      const sc = scenario();
      P(sc).tokens = [{ ...OLD }];
      P(sc).variables = [
        { ...userVar('gitlab+deploy-token-5'), protected: false },
        { ...passVar(OLD.token), protected: false, ...flags },
      ];
      const r = await run(sc, [...PROJECT_FLAGS, '--store', 'project-variables', ...extra]);
      await running!.close();
      running = undefined;
      expect({ label, code: r.code, writes: r.writes }).toEqual({ label, code: 1, writes: [] });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('run with --rotate');
    }
  });

  test('a lost creation whose orphan cannot be deleted is reported, not "nothing was created"', async () => {
    const sc = scenario();
    const r = await run(sc, [...PROJECT_FLAGS, '--expires-in', '30'], OWNER, {}, (req, next) => {
      if (req.method === 'POST' && req.url.includes('/deploy_tokens')) {
        return lost(next);
      }
      if (req.method === 'DELETE') return forbidden();
      return next();
    });
    expect(r.code).toBe(3);
    const orphan = P(sc).tokens![0]!;
    expect(r.stderr).toContain(
      `token #${orphan.id}: created by GitLab although its answer was lost, COULD NOT BE DELETED`,
    );
    expect(r.stderr).not.toContain('no new token exists');
    expect(r.stderr).not.toContain('nothing was created');
  });

  test('GitLab refusing the change (403, e.g. a read_api token on 15.0 where scopes cannot be checked) is exit 1', async () => {
    const sc = scenario();
    sc.version = '15.0.5-ee';
    const r = await run(sc, [...PROJECT_FLAGS, '--expires-in', '30'], OWNER, {}, (req, next) =>
      req.method === 'POST'
        ? {
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: '{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api"}',
          }
        : next(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rolled back: nothing was created');
  });

  test('a GitLab error that echoes a value sent is scrubbed: neither token reaches stderr', async () => {
    const sc = scenario();
    P(sc).tokens = [{ ...OLD }];
    P(sc).variables = [userVar('gitlab+deploy-token-5'), passVar(OLD.token)];
    const r = await run(
      sc,
      [...PROJECT_FLAGS, '--expires-in', '30', '--store', 'project-variables', '--rotate'],
      OWNER,
      {},
      (req, next) => {
        if (req.method === 'PUT' && req.url.includes('CI_DEPLOY_PASSWORD')) {
          const body = JSON.parse(req.body || '{}') as { value?: string };
          return {
            status: 400,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: { value: [`${body.value ?? ''} is invalid`] } }),
          };
        }
        return next();
      },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('[MASKED]');
    expect(r.stderr).not.toContain(OLD.token);
    for (const t of P(sc).tokens!) expect(r.stderr).not.toContain(t.token);
  });
});

describe('provision: two tokens of one name are not "already provisioned"', () => {
  test('a crashed run left a second active gitlab-deploy-token: exit 1, --rotate suggested, nothing written', async () => {
    const sc = scenario();
    P(sc).tokens = [
      {
        id: 5,
        name: 'gitlab-deploy-token',
        expires: '+30d',
        scopes: ['read_registry'],
        token: 'gldt-Existing5Existing5Ex',
      },
      {
        id: 6,
        name: 'gitlab-deploy-token',
        expires: '+30d',
        scopes: ['read_registry'],
        token: 'gldt-Orphan6Orphan6Orphan',
      },
    ];
    P(sc).variables = [
      { key: 'CI_DEPLOY_USER', value: 'gitlab+deploy-token-5', masked: true, environment_scope: '*' },
      { key: 'CI_DEPLOY_PASSWORD', value: 'gldt-Existing5Existing5Ex', masked: true, environment_scope: '*' },
    ];
    const r = await run(sc, [...PROJECT_FLAGS, '--store', 'project-variables']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has 2 active deploy tokens named "gitlab-deploy-token" (#5, #6)');
    expect(r.stderr).toContain('run with --rotate');
    expect(r.writes).toEqual([]);
  });
});

describe('provision: what a rotation must find first, and what it cannot know', () => {
  const GROUP_TOKEN = {
    id: 21,
    name: 'gitlab-deploy-token',
    expires: '+60d',
    scopes: ['read_registry'],
    token: 'gldt-GroupTok21GroupTok21',
    username: 'tanuki-deployer',
  };
  const naming = (user: string, pass: string) => [
    { key: 'CI_DEPLOY_USER', value: user, masked: true, environment_scope: '*' },
    { key: 'CI_DEPLOY_PASSWORD', value: pass, masked: true, environment_scope: '*' },
  ];
  const ROTATE_GROUP = [...GROUP_FLAGS, '--expires-in', '30', '--store', 'group-variables', '--rotate'];

  test('a group rotation finds a project below whose own variables name the old token: exit 1, nothing changed', async () => {
    const sc = scenario();
    G(sc).tokens = [{ ...GROUP_TOKEN }];
    G(sc).variables = naming('tanuki-deployer', GROUP_TOKEN.token);
    P(sc).variables = naming('tanuki-deployer', GROUP_TOKEN.token);
    const r = await run(sc, ROTATE_GROUP);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'CI_DEPLOY_USER on project tanuki/app (environment scope "*") names the token this rotation would delete',
    );
    expect(r.stderr).toContain('this run rewrites only the variables on group tanuki');
    expect(r.writes).toEqual([]);
  });

  test('--group with --project: the project is checked too (found through --project, not only through the tree)', async () => {
    const sc = scenario();
    G(sc).tokens = [{ ...GROUP_TOKEN }];
    P(sc).variables = naming('tanuki-deployer', GROUP_TOKEN.token);
    const r = await run(sc, [
      '--level',
      'group',
      '--group',
      'tanuki',
      '--project',
      'tanuki/app',
      '--scopes',
      'read_registry',
      '--rotate',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CI_DEPLOY_USER on project tanuki/app');
    expect(r.writes).toEqual([]);
  });

  test('a group token stored in the variables of a project outside the group is refused (it cannot log in there)', async () => {
    const sc = scenario();
    sc.groups.push({ id: 20, full_path: 'other', parent_id: null, tokens: [], variables: [] });
    sc.apiUsers![0]!.access = { tanuki: 50, other: 50 };
    const r = await run(sc, [
      '--level',
      'group',
      '--group',
      'other',
      '--project',
      'tanuki/app',
      '--scopes',
      'read_registry',
      '--store',
      'project-variables',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('group other is not above project tanuki/app');
    expect(r.writes).toEqual([]);
  });

  test('an old-token delete whose outcome cannot be known keeps the new token and says the old one may be gone', async () => {
    const sc = scenario();
    G(sc).tokens = [{ ...GROUP_TOKEN }];
    G(sc).variables = naming('tanuki-deployer', GROUP_TOKEN.token);
    const fail = (): StandinResponse => ({
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"500 Internal Server Error"}',
    });
    const r = await run(sc, ROTATE_GROUP, OWNER, {}, (req, next) => {
      if (req.method === 'DELETE' && req.url.endsWith('/deploy_tokens/21')) {
        next(); // applied, then the answer is lost
        return fail();
      }
      if (req.method === 'GET' && req.url.endsWith('/deploy_tokens/21')) return fail();
      return next();
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('old token #21: MAY BE DELETED');
    expect(r.stderr).not.toContain('rolled back: jobs get the old token');
    // GitLab did delete it: the jobs' credentials are the new token's, which was kept.
    const tokens = G(sc).tokens!;
    expect(tokens.map((t) => t.id)).not.toContain(21);
    const user = G(sc).variables!.find((v) => v.key === 'CI_DEPLOY_USER')!.value;
    const pass = G(sc).variables!.find((v) => v.key === 'CI_DEPLOY_PASSWORD')!.value;
    const kept = tokens.find((t) => `gitlab+deploy-token-${t.id}` === user);
    expect(kept?.token).toBe(pass);
  });

  test('a GitLab message that echoes a secret past the 200-character cut leaves no fragment of it', async () => {
    const sc = scenario();
    P(sc).variables = [];
    const r = await run(
      sc,
      [...PROJECT_FLAGS, '--expires-in', '30', '--store', 'project-variables'],
      OWNER,
      {},
      (req, next) => {
        if (req.method === 'POST' && req.url.includes('/variables')) {
          const body = JSON.parse(req.body || '{}') as { key?: string; value?: string };
          if (body.key === 'CI_DEPLOY_PASSWORD')
            return {
              status: 400,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ message: { value: [`${'x'.repeat(180)}${body.value ?? ''}`] } }),
            };
        }
        return next();
      },
    );
    expect(r.code).not.toBe(0);
    const created = /created token #(\d+)/.exec(r.stderr);
    expect(created).not.toBeNull();
    const secret = r.requestsBodies.find((b) => b.key === 'CI_DEPLOY_PASSWORD')!.value!;
    for (let i = 0; i + 6 <= secret.length; i++) expect(r.stderr).not.toContain(secret.slice(i, i + 6));
  });

  test('without --rotate, a run left "NOT rolled back" says to run again with --rotate', async () => {
    const sc = scenario();
    P(sc).variables = [];
    let refused = false;
    const r = await run(
      sc,
      [...PROJECT_FLAGS, '--expires-in', '30', '--store', 'project-variables'],
      OWNER,
      {},
      (req, next) => {
        // The password variable cannot be created; then the user variable cannot be removed again.
        if (
          req.method === 'POST' &&
          req.url.includes('/variables') &&
          (req.body ?? '').includes('CI_DEPLOY_PASSWORD')
        ) {
          refused = true;
          return forbidden();
        }
        if (refused && req.method === 'DELETE' && req.url.includes('/variables/')) return forbidden();
        return next();
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NOT rolled back');
    expect(r.stderr).toContain('run the same command with --rotate again');
  });
});

describe('provision: variables elsewhere, what counts and what does not', () => {
  const token = (id: number, username: string, secret: string) => ({
    id,
    name: 'gitlab-deploy-token',
    expires: '+60d',
    scopes: ['read_registry'],
    token: secret,
    username,
  });
  const naming = (user: string, pass: string) => [
    { key: 'CI_DEPLOY_USER', value: user, masked: true, environment_scope: '*' },
    { key: 'CI_DEPLOY_PASSWORD', value: pass, masked: true, environment_scope: '*' },
  ];
  const GROUP = [...GROUP_FLAGS, '--rotate'];

  test('a project shared into the group from elsewhere is not checked (a group token cannot log in there)', async () => {
    const sc = scenario();
    G(sc).tokens = [token(21, 'deployer', 'gldt-GroupTok21GroupTok21')];
    sc.groups.push({ id: 20, full_path: 'other', parent_id: null, tokens: [], variables: [] });
    sc.projects.push({
      id: 9,
      path_with_namespace: 'other/app',
      namespace_id: 20,
      tokens: [token(60, 'deployer', 'gldt-Foreign60Foreign60Fo')],
      variables: naming('deployer', 'gldt-Foreign60Foreign60Fo'),
    });
    const r = await run(sc, GROUP, OWNER, {}, (req, next) => {
      const res = next();
      // GitLab's group projects listing includes shared projects (with_shared defaults to true).
      if (req.method === 'GET' && req.url.startsWith('/api/v4/groups/10/projects')) {
        const list = JSON.parse(res.body) as unknown[];
        list.push({
          id: 9,
          path_with_namespace: 'other/app',
          name: 'app',
          namespace: { id: 20, kind: 'group', full_path: 'other', parent_id: null },
        });
        return { ...res, body: JSON.stringify(list) };
      }
      return res;
    });
    expect(r.stderr).not.toContain('other/app');
    expect(r.code).toBe(0);
    expect(sc.projects[1]!.variables!.find((v) => v.key === 'CI_DEPLOY_USER')!.value).toBe('deployer');
  });

  test('a variable naming a username another active token there also has is not counted (usernames need not be unique)', async () => {
    const sc = scenario();
    G(sc).tokens = [token(21, 'tanuki-deployer', 'gldt-GroupTok21GroupTok21')];
    P(sc).tokens = [{ ...token(30, 'tanuki-deployer', 'gldt-ProjTok30ProjTok30Pr'), name: 'ci' }];
    P(sc).variables = naming('tanuki-deployer', 'gldt-ProjTok30ProjTok30Pr');
    const r = await run(sc, GROUP);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'CI_DEPLOY_USER on project tanuki/app names tanuki-deployer, which token #30 there also has: not counted',
    );
    expect(P(sc).tokens!.map((t) => t.id)).toEqual([30]);
  });

  test('variables on a group above the token’s group name it: refused (its projects inherit them)', async () => {
    const sc = scenario();
    sc.groups = [
      {
        id: 5,
        full_path: 'top',
        parent_id: null,
        tokens: [],
        variables: naming('gitlab+deploy-token-21', 'gldt-SubTok21SubTok21Sub'),
      },
      {
        id: 6,
        full_path: 'top/sub',
        parent_id: 5,
        tokens: [{ ...token(21, 'x', 'gldt-SubTok21SubTok21Sub'), username: undefined }],
        variables: [],
      },
    ];
    sc.projects = [{ id: 7, path_with_namespace: 'top/sub/p', namespace_id: 6, tokens: [], variables: [] }];
    sc.apiUsers![0]!.access = { top: 50 };
    const r = await run(sc, [
      '--level',
      'group',
      '--group',
      'top/sub',
      '--scopes',
      'read_registry',
      '--rotate',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'CI_DEPLOY_USER on group top (environment scope "*") names the token this rotation would delete',
    );
    expect(r.writes).toEqual([]);
  });

  test('a delete GitLab refuses (403) is a definite no, not "may be deleted": rolled back, the old token works', async () => {
    const sc = scenario();
    G(sc).tokens = [token(21, 'tanuki-deployer', 'gldt-GroupTok21GroupTok21')];
    G(sc).variables = naming('tanuki-deployer', 'gldt-GroupTok21GroupTok21');
    const r = await run(sc, [...GROUP, '--store', 'group-variables'], OWNER, {}, (req, next) => {
      if (req.method === 'DELETE' && req.url.endsWith('/deploy_tokens/21')) return forbidden();
      if (req.method === 'GET' && req.url.endsWith('/deploy_tokens/21'))
        return { status: 500, headers: { 'content-type': 'application/json' }, body: '{"message":"500"}' };
      return next();
    });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('MAY BE DELETED');
    expect(r.stderr).toContain('rolled back: jobs get the old token, as before');
    expect(G(sc).tokens!.map((t) => t.id)).toEqual([21]);
    expect(G(sc).variables!.find((v) => v.key === 'CI_DEPLOY_USER')!.value).toBe('tanuki-deployer');
  });
});
