/**
 * The component in a real pipeline, end to end: the package as it is released (`npm pack` of the
 * project, with the committed dist/ that check-dist holds equal to a fresh build) is published to a
 * real npm registry on 127.0.0.1 (verdaccio), and the component's jobs run in gitlab-ci-local (a
 * runner of .gitlab-ci.yml jobs) against the stand-in GitLab, with npm pointed at that registry as a
 * CI/CD variable would point it at a mirror. The check job installs exactly the version it pins
 * (package.json's, through the `version` default) and resolves; a job that extends `.deploy-token`
 * gets the credentials in its shell; a second pipeline runs from npm's cache with the registry gone.
 *
 * gitlab-ci-local 4.55 (the last release that runs on Node 20):
 * - it reads the project's .gitlab-ci.yml, includes the component with `include: local:` and
 *   `inputs:` (its own interpolation of `$[[ inputs.* ]]`, not ours), merges `extends`, and checks
 *   the result against GitLab's CI schema (`--preview` below, unchanged config);
 * - it runs a job in Docker when the job has an `image:` (the component's `node:24-alpine`), and
 *   there is no Docker daemon or image registry here. 4.55 has no option to force its shell
 *   executor, so the pipeline that runs sets the job's `image: null` (a local override, merged as
 *   GitLab merges it) and turns off gitlab-ci-local's schema check, which refuses `image: null`;
 *   the jobs then run in gitlab-ci-local's shell executor on this machine's Node.js.
 * - it needs `git` and `rsync` (scripts/install-test-deps.sh installs rsync).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { freePort } from '../helpers/net.js';
import { needBinary } from '../helpers/servers/binaries.js';
import { loadScenario } from '../helpers/scenarios.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const STEP = 60_000;

interface Run {
  code: number | null;
  out: string;
}

/** Runs a program without a shell, stdout and stderr together, killed after `STEP`. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP - 5_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const scenario = loadScenario('1-project-token.json');
const password = scenario.jobEnv?.CI_DEPLOY_PASSWORD ?? '';
const apiToken = scenario.apiTokens?.[0] ?? '';

let tmp = '';
let home = '';
let registry = '';
let verdaccio: ReturnType<typeof spawn> | undefined;
let standin: RunningStandin | undefined;
const baseEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: home,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  NO_UPDATE_NOTIFIER: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
});

/** verdaccio on 127.0.0.1 with no uplink (nothing from the public registry), open registration. */
async function startRegistry(): Promise<void> {
  const dir = join(tmp, 'verdaccio');
  mkdirSync(dir);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const bin = join(root, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  needBinary(bin, 'verdaccio 6.8 (npm ci installs it, a dev dependency)');
  verdaccio = spawn(
    process.execPath,
    [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir },
    },
  );
  let err = '';
  verdaccio.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  registry = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${registry}-/ping`)).ok) return;
    } catch {
      /* starting */
    }
    if (verdaccio.exitCode !== null || i === 200)
      throw new Error(`verdaccio did not start: ${err.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npm pack` of the project and `npm publish` of the tarball, as the release workflow does. */
async function packAndPublish(): Promise<void> {
  const packed = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
    root,
    baseEnv(),
  );
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.out}`);
  const [info] = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as { filename: string }[];
  // A publisher account (verdaccio's npm adduser endpoint) and its token in a private npmrc.
  const user = await fetch(`${registry}-/user/org.couchdb.user:publisher`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'publisher', password: 'publisher-password' }),
  });
  const { token } = (await user.json()) as { token?: string };
  if (!token) throw new Error(`verdaccio gave no token (${user.status})`);
  const npmrc = join(tmp, 'publish.npmrc');
  writeFileSync(npmrc, `${registry.replace(/^http:/, '')}:_authToken=${token}\n`, { mode: 0o600 });
  const published = await run(
    'npm',
    [
      'publish',
      join(tmp, info?.filename ?? ''),
      '--registry',
      registry,
      '--userconfig',
      npmrc,
      '--ignore-scripts',
    ],
    tmp,
    baseEnv(),
  );
  if (published.code !== 0) throw new Error(`npm publish failed:\n${published.out}`);
}

/** A GitLab project (a git repository) with the components and a pipeline that includes them. */
async function project(): Promise<string> {
  const dir = join(tmp, 'project');
  mkdirSync(dir);
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  const env = {
    ...baseEnv(),
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['remote', 'add', 'origin', 'https://gitlab.example.com/tanuki/awesome_project.git'],
  ])
    await run('git', args, dir, env);
  return dir;
}

/** The user's pipeline: both components, included with inputs, and a job that extends .deploy-token. */
function pipeline(runnable: boolean): string {
  const config: Record<string, unknown> = {
    include: [
      { local: 'templates/deploy-token.yml', inputs: { 'min-days-left': 14 } },
      { local: 'templates/deploy-token-validate.yml', inputs: { files: '.gitlab-ci.yml' } },
    ],
    'use-credentials': {
      stage: 'deploy',
      image: 'node:24-alpine',
      extends: '.deploy-token',
      script: [
        'test "$CI_DEPLOY_USER" = gitlab+deploy-token-11',
        'test -n "$CI_DEPLOY_PASSWORD"',
        'echo credentials-ok',
      ],
    },
  };
  if (runnable)
    for (const job of ['deploy-token-check', 'deploy-token-validate', 'use-credentials'])
      config[job] = { ...((config[job] as Record<string, unknown> | undefined) ?? {}), image: null };
  return JSON.stringify(config, null, 2);
}

const gcl = join(root, 'node_modules', 'gitlab-ci-local', 'src', 'index.js');

/** gitlab-ci-local in `dir` with these CI/CD variables. */
function gitlabCiLocal(dir: string, args: string[], variables: Record<string, string>): Promise<Run> {
  const vars = Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]);
  return run(process.execPath, [gcl, '--home', join(home, '.gcl'), ...args, ...vars], dir, baseEnv());
}

beforeAll(async () => {
  needBinary('git');
  needBinary('rsync', 'rsync (gitlab-ci-local copies the project with it)');
  tmp = mkdtempSync(join(tmpdir(), 'dt-e2e-'));
  home = join(tmp, 'home');
  mkdirSync(home);
  await startRegistry();
  await packAndPublish();
  standin = await startStandin(scenario);
}, 3 * STEP);

async function stopRegistry(): Promise<void> {
  if (verdaccio && verdaccio.exitCode === null && verdaccio.signalCode === null) {
    const exited = new Promise((r) => verdaccio?.once('exit', r));
    verdaccio.kill('SIGTERM');
    await exited;
  }
}

afterAll(async () => {
  await standin?.close();
  await stopRegistry();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test(
  'the registry holds the package at package.json’s version (what the component pins)',
  async () => {
    const r = await fetch(`${registry}${pkg.name}`);
    const doc = (await r.json()) as { versions: Record<string, unknown>; 'dist-tags': { latest: string } };
    expect(Object.keys(doc.versions)).toEqual([pkg.version]);
  },
  STEP,
);

test(
  'gitlab-ci-local runs the components’ jobs: the pinned version installs from the registry, plans, resolves, validates; the next pipeline needs no registry',
  async () => {
    const dir = await project();
    const variables = {
      CI_SERVER_URL: standin!.url,
      CI_PROJECT_ID: '3',
      GITLAB_TOKEN: apiToken,
      ...(scenario.jobEnv ?? {}),
      npm_config_registry: registry,
    };
    // The pipeline as users write it, unchanged: gitlab-ci-local includes, interpolates and checks it.
    writeFileSync(join(dir, '.gitlab-ci.yml'), pipeline(false));
    const preview = await gitlabCiLocal(dir, ['--preview'], variables);
    expect([preview.code, preview.out]).toEqual([0, expect.stringContaining('deploy-token-check')]);
    const expanded = parse(preview.out.slice(preview.out.indexOf('---'))) as Record<
      string,
      Record<string, unknown>
    >;
    expect(expanded['deploy-token-check']?.image).toEqual({ name: 'node:24-alpine' });
    expect((expanded['deploy-token-check']?.variables as Record<string, string>).DEPLOY_TOKEN_VERSION).toBe(
      pkg.version,
    );

    // The same pipeline with the jobs on gitlab-ci-local's shell executor (see the header).
    writeFileSync(join(dir, '.gitlab-ci.yml'), pipeline(true));
    const jobs = ['deploy-token-check', 'deploy-token-validate', 'use-credentials'];
    const first = await gitlabCiLocal(dir, ['--json-schema-validation=false', ...jobs], variables);
    expect([first.code, first.out]).toEqual([0, expect.stringContaining('gitlab+deploy-token-11')]);
    expect(first.out).toContain('credentials-ok');
    expect(first.out).not.toContain(password);
    // npx installed exactly the pinned version, into the project's npm cache (the `cache:` path).
    const npx = join(dir, '.deploy-token-npm', '_npx');
    const installed = readdirSync(npx).map(
      (h) =>
        (
          JSON.parse(readFileSync(join(npx, h, 'node_modules', pkg.name, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version,
    );
    expect(installed).toEqual([pkg.version]);
    expect(existsSync(join(dir, 'gl-code-quality-report.json'))).toBe(true);
    // No dotenv report in plan mode.
    expect(existsSync(join(dir, 'deploy-token.env'))).toBe(false);

    // The next pipeline, with the cache kept and the registry down: it runs from the cache.
    await stopRegistry();
    const second = await gitlabCiLocal(dir, ['--json-schema-validation=false', 'deploy-token-check'], {
      ...variables,
      npm_config_fetch_retries: '0',
    });
    expect([second.code, second.out]).toEqual([0, expect.stringContaining('gitlab+deploy-token-11')]);
  },
  3 * STEP,
);
