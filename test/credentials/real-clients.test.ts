/**
 * The seed's endpoints with real clients against real servers on 127.0.0.1: `git clone` over smart
 * HTTP (git http-backend) and image push/pull with skopeo against Debian's docker-registry, each run
 * as `deploy-token exec --job … -- CMD` from the built CLI. Afterwards no credential is left on disk.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../src/standin/model.js';
import { loadScenario } from '../helpers/scenarios.js';
import { startGitGitLab, type GitGitLab } from '../helpers/servers/git-gitlab.js';
import { makeOciLayout, needBinary, startRegistry, type Registry } from '../helpers/servers/registry.js';

const USER = 'gitlab+deploy-token-11';
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const base = loadScenario('1-project-token.json');
// The same project token, with every scope, so the jobs' scope checks pass.
const scenario: Scenario = {
  ...base,
  projects: base.projects.map((p) => ({
    ...p,
    tokens: (p.tokens ?? []).map((t) =>
      t.id === 11 ? { ...t, scopes: ['read_repository', 'read_registry', 'write_registry'] } : t,
    ),
  })),
};

const SPEC = `version: 1
jobs:
  clone:
    scopes: [read_repository]
    configure: [git]
  push:
    scopes: [read_registry, write_registry]
    configure: [docker]
  pull:
    scopes: [read_registry]
    configure: [docker]
`;

let gitlab: GitGitLab;
let registry: Registry;
let work: string;
let runnerTemp: string;
let home: string;

beforeAll(async () => {
  needBinary('/usr/bin/skopeo', 'skopeo');
  gitlab = await startGitGitLab(scenario, { username: USER, password: PASSWORD }, () => new Date());
  registry = await startRegistry({ username: USER, password: PASSWORD });
});
afterAll(async () => {
  await gitlab?.close();
  await registry?.close();
});
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'dt-real-'));
  work = join(root, 'workspace');
  runnerTemp = join(root, 'runner-temp');
  home = join(root, 'home');
  for (const d of [work, runnerTemp, home]) mkdirSync(d);
  writeFileSync(join(work, 'deploy-token.yml'), SPEC);
});
afterEach(() => rmSync(join(work, '..'), { recursive: true, force: true }));

function exec(
  args: string[],
  password = PASSWORD,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'exec', ...args], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        RUNNER_TEMP: runnerTemp,
        GITLAB_TOKEN: scenario.apiTokens[0],
        CI_SERVER_URL: gitlab.url,
        CI_PROJECT_PATH: 'tanuki/awesome_project',
        CI_REGISTRY: registry.host,
        CI_DEPLOY_USER: USER,
        CI_DEPLOY_PASSWORD: password,
        GIT_CONFIG_NOSYSTEM: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every file under the roots, read as bytes: the token in any form must be nowhere. */
function sweep(roots: string[], secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64').slice(0, 24),
    Buffer.from(`${USER}:${secret}`).toString('base64').slice(4, 28),
  ];
  const hits: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else if (st.isFile() && st.size < 10_000_000) {
      const text = readFileSync(p).toString('latin1');
      if (forms.some((f) => text.includes(f))) hits.push(p);
    }
  };
  roots.forEach(walk);
  return hits;
}

describe('git clone over HTTPS with read_repository (seed: "Clone a repository")', () => {
  test('deploy-token exec --job clone -- git clone URL succeeds, with nothing left on disk', async () => {
    const r = await exec([
      '--job',
      'clone',
      '--',
      'git',
      'clone',
      '-q',
      `${gitlab.url}/tanuki/awesome_project.git`,
      'checkout',
    ]);
    expect(r.stderr).not.toContain(PASSWORD);
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'checkout', 'README.md'), 'utf8')).toContain(
      'hello from the stand-in GitLab',
    );
    expect(gitlab.gitRequests.length).toBeGreaterThan(0);
    expect(gitlab.gitRequests.filter((g) => g.authorized).every((g) => g.user === USER)).toBe(true);
    // never in the remote URL or .git/config
    const config = readFileSync(join(work, 'checkout', '.git', 'config'), 'utf8');
    expect(config).toContain(`url = ${gitlab.url}/tanuki/awesome_project.git`);
    expect(sweep([work, runnerTemp, home], PASSWORD)).toEqual([]);
    expect(readdirSync(runnerTemp).filter((f) => f.startsWith('deploy-token-'))).toEqual([]);
  });

  test('with a wrong token the same clone fails, and still nothing is left', async () => {
    const r = await exec(
      ['--job', 'clone', '--', 'git', 'clone', '-q', `${gitlab.url}/tanuki/awesome_project.git`, 'checkout'],
      'gldt-WrongWrongWrongWrong',
    );
    expect(r.code).not.toBe(0);
    expect(existsSync(join(work, 'checkout', 'README.md'))).toBe(false);
    expect(gitlab.gitRequests.some((g) => !g.authorized && g.user === USER)).toBe(true);
    expect(sweep([work, runnerTemp, home], 'gldt-WrongWrongWrongWrong')).toEqual([]);
  });
});

describe('container registry with read_registry / write_registry (seed: "Pull images", "Push images")', () => {
  test('push with skopeo through the written config.json, then pull it back, with nothing left', async () => {
    const layout = makeOciLayout(join(work, 'build'));
    const push = await exec([
      '--job',
      'push',
      '--',
      'skopeo',
      'copy',
      '-q',
      '--dest-tls-verify=false',
      `oci:${layout}:latest`,
      `docker://${registry.host}/tanuki/awesome_project:1`,
    ]);
    expect(push.stderr).not.toContain(PASSWORD);
    expect(push.code).toBe(0);
    const pull = await exec([
      '--job',
      'pull',
      '--',
      'skopeo',
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${registry.host}/tanuki/awesome_project:1`,
      `dir:${join(work, 'pulled')}`,
    ]);
    expect(pull.code).toBe(0);
    const files = readdirSync(join(work, 'pulled'));
    expect(files).toContain('manifest.json');
    expect(sweep([work, runnerTemp, home], PASSWORD)).toEqual([]);
    expect(readdirSync(runnerTemp).filter((f) => f.startsWith('deploy-token-'))).toEqual([]);
  });

  test('a wrong token is refused by the registry', async () => {
    const pull = await exec(
      [
        '--job',
        'pull',
        '--',
        'skopeo',
        'inspect',
        '--tls-verify=false',
        `docker://${registry.host}/tanuki/awesome_project:1`,
      ],
      'gldt-WrongWrongWrongWrong',
    );
    expect(pull.code).not.toBe(0);
    expect(pull.stderr.toLowerCase()).toMatch(
      /unauthorized|authentication required|invalid username\/password/,
    );
  });
});

describe('npm packages with read_package_registry (seed: "Pull packages from a package registry")', () => {
  // verdaccio 6.8 behind GitLab's npm endpoint path; see test/helpers/servers/npm-gitlab.ts.
  test('npm install through the written .npmrc, with nothing left', async () => {
    const { startNpmGitLab, publishPackage } = await import('../helpers/servers/npm-gitlab.js');
    const npmScenario: Scenario = {
      ...scenario,
      projects: scenario.projects.map((p) => ({
        ...p,
        tokens: (p.tokens ?? []).map((t) => (t.id === 11 ? { ...t, scopes: ['read_package_registry'] } : t)),
      })),
    };
    const npmGitlab = await startNpmGitLab(
      npmScenario,
      { username: USER, password: PASSWORD },
      () => new Date(),
    );
    try {
      publishPackage(
        npmGitlab.registryUrl,
        { username: USER, password: PASSWORD },
        join(work, '..', 'publisher'),
      );
      writeFileSync(
        join(work, 'deploy-token.yml'),
        'version: 1\njobs:\n  npm:\n    scopes: [read_package_registry]\n    configure: [npm]\n',
      );
      writeFileSync(
        join(work, 'package.json'),
        JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { '@tanuki/hello': '1.0.0' } }),
      );
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            join(process.cwd(), 'dist/cli.js'),
            'exec',
            '--job',
            'npm',
            '--',
            'npm',
            'install',
            '--no-audit',
            '--no-fund',
            '--loglevel=error',
          ],
          {
            cwd: work,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: home,
              RUNNER_TEMP: runnerTemp,
              GITLAB_TOKEN: npmScenario.apiTokens[0],
              CI_SERVER_URL: npmGitlab.url,
              CI_PROJECT_PATH: 'tanuki/awesome_project',
              CI_DEPLOY_USER: USER,
              CI_DEPLOY_PASSWORD: PASSWORD,
              npm_config_cache: join(home, '.npm'),
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(r.stderr).not.toContain(PASSWORD);
      expect(r.code).toBe(0);
      expect(readFileSync(join(work, 'node_modules', '@tanuki', 'hello', 'index.js'), 'utf8')).toContain(
        'hello from the GitLab npm registry',
      );
      expect(npmGitlab.npmRequests.length).toBeGreaterThan(0);
      expect(npmGitlab.npmRequests.every((q) => q.authorized)).toBe(true);
      rmSync(join(home, '.npm'), { recursive: true, force: true }); // npm's cache holds only the package
      expect(sweep([work, runnerTemp, home], PASSWORD)).toEqual([]);
      expect(readdirSync(runnerTemp).filter((f) => f.startsWith('deploy-token-'))).toEqual([]);
    } finally {
      await npmGitlab.close();
    }
  }, 60000);
});
