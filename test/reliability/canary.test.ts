/**
 * The secret canary sweep: every command and action path runs with a canary deploy password and a
 * canary API token — successes, dry runs, failures of each kind, RUNNER_DEBUG=1 and --verbose, the
 * API token printed by exec's command (withheld, or passed and masked), swapped variables — and
 * stdout (where no secret was asked for), stderr, GITHUB_ENV (outside the allowed names),
 * GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, every file left in the workspace, home and temp
 * dirs, the command line of every process the bundles start (each one recorded as it is started,
 * spawn-log.mjs) and of the bundles themselves, and the argv of every process on the machine (sampled
 * from /proc while they run: what the bundles' commands start in turn) are searched for each canary
 * and its derived forms. Zero hits is the only pass.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../src/standin/model.js';
import { loadScenario, withScopes } from '../helpers/scenarios.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { record } from '../helpers/report.js';
import { filesUnder, place, type Place } from './dist.js';

const USER = 'gitlab+deploy-token-11';
const PASSWORD = 'gldt-CanaryCanaryCanary12';
const API = 'glpat-CanaryApiCanaryApi1';
const base = loadScenario('1-project-token.json');
// The project token with the scopes the canary job needs.
const scenario: Scenario = {
  ...withScopes(base, 11, ['read_repository', 'read_registry', 'read_package_registry']),
  apiTokens: [API],
};

/** The canaries and the forms a leak could take. */
const FORMS = (() => {
  const out = new Set<string>();
  for (const s of [PASSWORD, API]) {
    out.add(s);
    out.add(Buffer.from(s).toString('base64').slice(0, 24));
    out.add(Buffer.from(s).toString('base64url').slice(0, 24));
    out.add(encodeURIComponent(s));
    out.add(s.slice(5, 21)); // the secret part without its prefix
    out.add(Buffer.from(`${s}\n`).toString('base64').slice(0, 24)); // echo "$X" | base64
    out.add(JSON.stringify(s).slice(1, -1));
  }
  // base64 of user:password, only the characters that encode the password (the username is public;
  // other tests' runs with the same username must not look like a leak): `${USER}:` is 23 bytes.
  out.add(Buffer.from(`${USER}:${PASSWORD}`).toString('base64').slice(32, 56));
  return [...out];
})();

/** Secrets made during the run (tokens the stand-in created for provision and ephemeral jobs). */
const dynamic: string[] = [];
function dynamicForms(s: string): string[] {
  return [s, s.slice(5, 21), Buffer.from(s).toString('base64').slice(0, 24), encodeURIComponent(s)];
}
const leaksIn = (text: string) => [...FORMS, ...dynamic].filter((f) => text.includes(f));

let standin: RunningStandin;
/** A second GitLab for provision, audit and ephemeral tokens: a group whose variables hold the canary. */
let writable: RunningStandin;
let root: string;
/** Each distinct command line seen since the last sweep (most samples repeat the one before). */
let argvSamples = new Set<string>();
let argvSampled = 0;
let sampler: NodeJS.Timeout | undefined;
const report = { runs: 0, files: 0, argv: 0, spawned: 0, leaks: [] as string[] };

/**
 * Every process's argv, read into one reused buffer (a few syscalls per process). What the bundles
 * start is recorded whole by spawn-log.mjs; the sampler is for what those processes start in turn,
 * and anything else on the machine: every 20 ms (at 5 ms it took a fifth of a core).
 */
const cmdline = Buffer.alloc(1 << 16);
function readCmdline(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let text = '';
    for (let at = 0, n = cmdline.length; n === cmdline.length; at += n) {
      n = readSync(fd, cmdline, 0, cmdline.length, at);
      text += cmdline.toString('latin1', 0, n);
    }
    return text;
  } finally {
    closeSync(fd);
  }
}
function sampleArgv(): void {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      argvSamples.add(readCmdline(`/proc/${pid}/cmdline`));
      argvSampled++;
    } catch {
      /* gone */
    }
  }
}

beforeAll(async () => {
  standin = await startStandin(scenario);
  writable = await startStandin(writableScenario(), {
    intercept: (req, next) => {
      const a = next();
      if (req.method === 'POST' && a.status === 201 && req.url.endsWith('/deploy_tokens')) {
        dynamic.push(...dynamicForms((JSON.parse(a.body) as { token: string }).token));
      }
      return a;
    },
  });
  root = mkdtempSync(join(tmpdir(), 'dt-canary-'));
  sampler = setInterval(sampleArgv, 20);
});
afterAll(async () => {
  if (sampler) clearInterval(sampler);
  await standin.close();
  await writable.close();
  rmSync(root, { recursive: true, force: true });
  record('sweep', report.runs, 'canary sweep runs');
  record('leak', report.leaks.length, 'canary sweep');
  console.log(
    `canary sweep: ${report.runs} runs, ${report.files} files, ${report.spawned} processes started and ${report.argv} argv samples scanned, ${report.leaks.length} leaks`,
  );
});

function writableScenario(): Scenario {
  return {
    name: 'canary-writable',
    title: 'canary',
    description: 'provision, audit and ephemeral tokens',
    version: '17.5.1-ee',
    apiTokens: [API],
    groups: [
      {
        id: 10,
        full_path: 'tanuki',
        parent_id: null,
        tokens: [
          {
            id: 21,
            name: 'gitlab-deploy-token',
            expires: '+200d',
            scopes: ['read_registry'],
            token: PASSWORD,
          },
        ],
        variables: [
          { key: 'CI_DEPLOY_USER', value: 'gitlab+deploy-token-21', masked: false, environment_scope: '*' },
          { key: 'CI_DEPLOY_PASSWORD', value: PASSWORD, masked: false, environment_scope: '*' },
        ],
      },
      { id: 12, full_path: 'tanuki/sub', parent_id: 10 },
    ],
    projects: [
      { id: 3, path_with_namespace: 'tanuki/awesome_project', namespace_id: 10, tokens: [] },
      { id: 4, path_with_namespace: 'tanuki/sub/deep', namespace_id: 12, tokens: [] },
    ],
    project: 'tanuki/awesome_project',
  };
}

type Paths = Place;

function fresh(): Paths {
  const p = place(root);
  writeFileSync(
    join(p.work, 'deploy-token.yml'),
    'version: 1\njobs:\n  build:\n    scopes: [read_repository, read_registry, read_package_registry]\n    configure: [docker, git, npm]\n    variables: { REG_AUTH: "{{ username }}:{{ password }}" }\n',
  );
  return p;
}

function run(
  entry: string,
  args: string[],
  p: Paths,
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const log = pathToFileURL(join(process.cwd(), 'test/reliability/spawn-log.mjs'));
    log.searchParams.set('log', spawnLog(p));
    bundleRuns.set(p.root, (bundleRuns.get(p.root) ?? 0) + 1);
    const child = spawn(process.execPath, ['--import', log.href, join(process.cwd(), entry), ...args], {
      cwd: p.work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: p.home,
        TMPDIR: p.tmp,
        RUNNER_TEMP: p.runnerTemp,
        CI_SERVER_URL: standin.url,
        CI_PROJECT_PATH: 'tanuki/awesome_project',
        CI_REGISTRY: 'registry.example.com',
        GITHUB_ENV: p.ghEnv,
        GITHUB_OUTPUT: p.ghOut,
        GITHUB_STATE: p.ghState,
        GITHUB_STEP_SUMMARY: p.ghSummary,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('latin1')));
    const t = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/** Where spawn-log.mjs writes what the bundles run in `p` started, and their own command lines. */
const spawnLog = (p: Paths) => join(p.root, 'spawns.jsonl');
function readSpawnLog(p: Paths): { spawn?: string[]; file?: string; self?: string[] }[] {
  return readFileSync(spawnLog(p), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { spawn?: string[]; file?: string; self?: string[] });
}
/** How many bundles ran in each place. */
const bundleRuns = new Map<string, number>();

/** GITHUB_ENV may hold the password only under the names the user asked to export. */
function githubEnvOutsideAllowed(text: string): string {
  return text.replace(/^(CI_DEPLOY_PASSWORD|REG_AUTH)<<(\S+)\n[\s\S]*?\n\2\n/gm, '');
}

async function sweep(
  name: string,
  p: Paths,
  r: { stdout: string; stderr: string },
  opts: { stdoutMayHoldSecret?: boolean } = {},
) {
  report.runs++;
  const where: string[] = [];
  const check = (label: string, text: string) => {
    for (const f of leaksIn(text)) where.push(`${name}: ${label} holds ${f.slice(0, 6)}…`);
  };
  // ::add-mask:: lines are how masks are registered: they must hold the value.
  if (!opts.stdoutMayHoldSecret) check('stdout', r.stdout.replace(/^::add-mask::.*$/gm, ''));
  check('stderr', r.stderr);
  check('GITHUB_ENV', githubEnvOutsideAllowed(readFileSync(p.ghEnv, 'latin1')));
  check('GITHUB_OUTPUT', readFileSync(p.ghOut, 'latin1'));
  check('GITHUB_STATE', readFileSync(p.ghState, 'latin1'));
  check('GITHUB_STEP_SUMMARY', readFileSync(p.ghSummary, 'latin1'));
  for (const dir of [p.work, p.home, p.tmp, p.runnerTemp]) {
    for (const f of filesUnder(dir)) {
      report.files++;
      if (f === join(p.work, 'deploy-token.yml')) continue;
      if (opts.stdoutMayHoldSecret && f.endsWith('deploy.env')) continue; // asked for with --allow-unmasked-dotenv
      check(f, readFileSync(f, 'latin1'));
    }
  }
  // Every bundle run here left its own command line (the log is read, not assumed), and every process
  // it started.
  const spawned = readSpawnLog(p);
  expect(spawned.filter((e) => e.self).length).toBe(bundleRuns.get(p.root));
  for (const e of spawned) {
    if (e.spawn) report.spawned++;
    check(
      e.spawn ? `the command line of ${e.spawn[0]}` : "a bundle's command line",
      [e.file ?? '', ...(e.spawn ?? e.self ?? [])].join(' '),
    );
  }
  report.argv += argvSampled;
  for (const a of argvSamples) check('argv', a.replace(/\0/g, ' '));
  argvSamples = new Set();
  argvSampled = 0;
  report.leaks.push(...where);
  expect(where).toEqual([]);
}

const job = { CI_DEPLOY_USER: USER, CI_DEPLOY_PASSWORD: PASSWORD, GITLAB_TOKEN: API };
/** The variables swapped: the password where the username belongs, and the other way round. */
const swapped = { ...job, CI_DEPLOY_USER: PASSWORD, CI_DEPLOY_PASSWORD: USER };
const cli = 'dist/cli.js';

describe('CLI commands', () => {
  test.each<[string, string[], Record<string, string>, { stdoutMayHoldSecret?: boolean }]>([
    ['plan', ['plan', '--job', 'build'], job, {}],
    ['plan --format json --verbose', ['plan', '--format', 'json', '--verbose', '--job', 'build'], job, {}],
    ['plan with RUNNER_DEBUG=1', ['plan'], { ...job, RUNNER_DEBUG: '1' }, {}],
    [
      'resolve --export shell',
      ['resolve', '--export', 'shell', '--job', 'build'],
      job,
      { stdoutMayHoldSecret: true },
    ],
    [
      'resolve --export json --verbose',
      ['resolve', '--export', 'json', '--verbose'],
      job,
      { stdoutMayHoldSecret: true },
    ],
    ['resolve --export github', ['resolve', '--export', 'github', '--job', 'build'], job, {}],
    [
      'resolve --export dotenv (refused)',
      ['resolve', '--export', 'dotenv', '--output', 'deploy.env'],
      job,
      {},
    ],
    [
      'resolve --export dotenv --allow-unmasked-dotenv',
      ['resolve', '--export', 'dotenv', '--output', 'deploy.env', '--allow-unmasked-dotenv'],
      job,
      { stdoutMayHoldSecret: true },
    ],
    [
      'resolve, stale variables',
      ['resolve', '--export', 'shell'],
      { ...job, CI_DEPLOY_USER: 'gitlab+deploy-token-999' },
      {},
    ],
    ['resolve, API token refused', ['resolve', '--export', 'shell'], { ...job, GITLAB_TOKEN: `${API}x` }, {}],
    [
      'resolve, GitLab unreachable',
      ['resolve', '--export', 'shell', '--gitlab-url', 'http://127.0.0.1:1'],
      job,
      {},
    ],
    ['resolve, bad flag', ['resolve', '--export', 'yaml'], job, {}],
    [
      'exec (output masked, files cleaned)',
      [
        'exec',
        '--job',
        'build',
        '--',
        'sh',
        '-c',
        'echo $CI_DEPLOY_PASSWORD; cat "$REGISTRY_AUTH_FILE"; echo $REG_AUTH >&2',
      ],
      job,
      {},
    ],
    ['exec, failing command', ['exec', '--', 'sh', '-c', 'echo "$CI_DEPLOY_PASSWORD" >&2; exit 3'], job, {}],
    [
      'exec, the command prints the API token (withheld)',
      ['exec', '--', 'sh', '-c', 'echo "$GITLAB_TOKEN"; printf %s "$GITLAB_TOKEN" | base64; env'],
      job,
      {},
    ],
    [
      'exec --pass-api-token, the command prints it (masked)',
      [
        'exec',
        '--pass-api-token',
        '--',
        'sh',
        '-c',
        'echo "$GITLAB_TOKEN"; echo "$GITLAB_TOKEN" | base64 >&2',
      ],
      job,
      {},
    ],
    ['plan, stale: swapped variables', ['plan', '--verbose'], swapped, {}],
    ['plan --format json, stale: swapped variables', ['plan', '--format', 'json'], swapped, {}],
    ['resolve, stale: swapped variables', ['resolve', '--export', 'shell'], swapped, {}],
    ['exec, stale: swapped variables', ['exec', '--', 'true'], swapped, {}],
    ['plan, stale: the API token as CI_DEPLOY_USER', ['plan'], { ...job, CI_DEPLOY_USER: API }, {}],
    ['validate', ['validate', 'deploy-token.yml'], job, {}],
    ['demo', ['demo'], job, {}],
    ['cleanup', ['cleanup'], job, {}],
  ])('%s', async (name, args, env, opts) => {
    const p = fresh();
    const r = await run(cli, args, p, env);
    // The paths must really run: successes succeed, failures fail with their documented codes.
    const expected = /stale|refused|bad flag|failing|\(refused\)/.test(name)
      ? /^[1-3]$/
      : /unreachable/.test(name)
        ? /^3$/
        : /^0$/;
    expect(String(r.code)).toMatch(expected);
    // Credential files a `resolve` asked for stay until `deploy-token cleanup`: run it, then sweep.
    if (args[0] === 'resolve') {
      const c = await run(cli, ['cleanup'], p, env);
      r.stdout += c.stdout;
      r.stderr += c.stderr;
    }
    await sweep(name, p, r, opts);
    // exec's command was among the processes recorded as started.
    if (args[0] === 'exec' && !/stale/.test(name)) {
      const command = args.slice(args.indexOf('--') + 1);
      expect(readSpawnLog(p).map((e) => e.spawn)).toContainEqual(command);
    }
  });

  test('mask', async () => {
    const p = fresh();
    const r = await run(
      cli,
      ['mask', '--secret-env', 'CI_DEPLOY_PASSWORD', '--secret-env', 'GITLAB_TOKEN'],
      p,
      job,
      `${PASSWORD} ${API} ${Buffer.from(PASSWORD).toString('base64')}\n`,
    );
    expect(r.stdout).toBe('[MASKED] [MASKED] [MASKED]\n');
    await sweep('mask', p, r);
  });
});

describe('the action', () => {
  const inputs = {
    'INPUT_GITLAB-URL': '',
    'INPUT_GITLAB-TOKEN': API,
    INPUT_PROJECT: 'tanuki/awesome_project',
  };
  test.each<[string, Record<string, string>]>([
    ['main', {}],
    ['main with configure', { INPUT_CONFIGURE: 'docker,git,npm,nuget,maven,pypi', INPUT_JOB: 'build' }],
    ['main dry-run', { 'INPUT_DRY-RUN': 'true' }],
    ['main with RUNNER_DEBUG=1', { RUNNER_DEBUG: '1' }],
    ['main, bad input', { 'INPUT_DRY-RUN': 'maybe' }],
    ['main, stale variables', { CI_DEPLOY_USER: 'gitlab+deploy-token-999' }],
    ['main, swapped variables', { CI_DEPLOY_USER: PASSWORD, CI_DEPLOY_PASSWORD: USER }],
    ['main, the API token as CI_DEPLOY_USER', { CI_DEPLOY_USER: API }],
  ])('%s, then post', async (name, extra) => {
    const p = fresh();
    const env = { ...job, ...inputs, 'INPUT_GITLAB-URL': standin.url, ...extra };
    const main = await run('dist/index.js', [], p, env);
    const state = /manifest<<(\S+)\n([\s\S]*?)\n\1/.exec(readFileSync(p.ghState, 'utf8'))?.[2];
    const post = await run('dist/post.js', [], p, { ...env, ...(state ? { STATE_manifest: state } : {}) });
    await sweep(name, p, { stdout: main.stdout + post.stdout, stderr: main.stderr + post.stderr });
  });
});

describe('provision, rotate, audit, ephemeral tokens', () => {
  const w = () => ({ ...job, CI_SERVER_URL: writable.url });
  test.each<[string, string[], { stdoutMayHoldSecret?: boolean; code?: RegExp }]>([
    [
      'provision --dry-run --verbose',
      [
        'provision',
        '--level',
        'group',
        '--group',
        'tanuki',
        '--scopes',
        'read_registry',
        '--store',
        'group-variables',
        '--rotate',
        '--dry-run',
        '--verbose',
      ],
      {},
    ],
    [
      'provision --rotate --store group-variables --verbose',
      [
        'provision',
        '--level',
        'group',
        '--group',
        'tanuki',
        '--scopes',
        'read_registry',
        '--expires-in',
        '30',
        '--store',
        'group-variables',
        '--rotate',
        '--verbose',
      ],
      {},
    ],
    [
      'provision --store project-variables',
      ['provision', '--scopes', 'read_repository', '--store', 'project-variables', '--name', 'canary-stored'],
      {},
    ],
    [
      'provision --store none (prints once)',
      ['provision', '--scopes', 'read_repository', '--name', 'canary-printed', '--format', 'shell'],
      { stdoutMayHoldSecret: true },
    ],
    [
      'provision, exists without --rotate',
      ['provision', '--scopes', 'read_repository', '--name', 'canary-printed'],
      { code: /^1$/ },
    ],
    ['provision, bad flag', ['provision', '--scopes', 'admin'], { code: /^2$/ }],
    ['audit (text)', ['audit', '--group', 'tanuki'], { code: /^[01]$/ }],
    ['audit (json)', ['audit', '--group', 'tanuki', '--format', 'json'], { code: /^[01]$/ }],
    [
      'audit (markdown, verbose)',
      ['audit', '--group', 'tanuki', '--format', 'markdown', '--verbose'],
      { code: /^[01]$/ },
    ],
    [
      'exec with an ephemeral job',
      [
        'exec',
        '--spec',
        'eph.yml',
        '--job',
        'pull',
        '--',
        'sh',
        '-c',
        'echo "$CI_DEPLOY_PASSWORD"; echo "$CI_DEPLOY_PASSWORD" >&2',
      ],
      {},
    ],
    [
      'resolve an ephemeral job, then cleanup',
      ['resolve', '--spec', 'eph.yml', '--job', 'pull', '--export', 'github'],
      {},
    ],
    ['cleanup --ephemeral --verbose', ['cleanup', '--ephemeral', '--older-than', '0', '--verbose'], {}],
  ])('%s', async (name, args, opts) => {
    const p = fresh();
    writeFileSync(
      join(p.work, 'eph.yml'),
      'version: 1\njobs:\n  pull:\n    scopes: [read_registry]\n    ephemeral: true\n',
    );
    const r = await run(cli, args, p, w());
    expect(String(r.code)).toMatch(opts.code ?? /^0$/);
    if (args[0] === 'resolve') {
      const c = await run(cli, ['cleanup'], p, w());
      expect(c.code).toBe(0);
      r.stdout += c.stdout;
      r.stderr += c.stderr;
    }
    await sweep(name, p, r, opts);
  });

  test('the action with ephemeral: true, then post', async () => {
    const p = fresh();
    writeFileSync(join(p.work, 'eph.yml'), 'version: 1\njobs:\n  pull:\n    scopes: [read_registry]\n');
    const env = {
      ...w(),
      'INPUT_GITLAB-URL': writable.url,
      'INPUT_GITLAB-TOKEN': API,
      INPUT_PROJECT: 'tanuki/awesome_project',
      INPUT_EPHEMERAL: 'true',
      INPUT_SPEC: 'eph.yml',
      INPUT_JOB: 'pull',
    };
    const main = await run('dist/index.js', [], p, env);
    expect(main.code).toBe(0);
    const state = /manifest<<(\S+)\n([\s\S]*?)\n\1/.exec(readFileSync(p.ghState, 'utf8'))?.[2];
    expect(state).toBeDefined();
    const post = await run('dist/post.js', [], p, { ...env, STATE_manifest: state! });
    expect(post.stdout).toMatch(/ephemeral token #\d+ deleted/);
    await sweep('action ephemeral', p, {
      stdout: main.stdout + post.stdout,
      stderr: main.stderr + post.stderr,
    });
    expect(
      writable.gitlab.scenario.projects[0]!.tokens!.filter((t) =>
        t.name.startsWith('deploy-token-ephemeral-'),
      ),
    ).toEqual([]);
  });
});
