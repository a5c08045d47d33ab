/**
 * Seed, "Clone a repository": `git clone` over HTTPS with read_repository, done by a real git against
 * a real smart-HTTP server (git http-backend behind basic auth, test/helpers/servers/git-gitlab.ts):
 * `deploy-token exec --job clone -- git clone URL`. The credentials reach git through the private
 * gitconfig (GIT_CONFIG_GLOBAL): never in the remote URL, .git/config or argv; nothing is left after.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployToken, execShell } from '../helpers/servers/deploy-token.js';
import { startGitGitLab, type GitGitLab } from '../helpers/servers/git-gitlab.js';
import {
  expectNothingLeft,
  jobDirs,
  jobEnv,
  PASSWORD,
  removeJobDirs,
  scenarioWithScopes,
  USER,
  WRONG_PASSWORD,
  type JobDirs,
} from '../helpers/servers/job.js';

const SPEC = `version: 1
jobs:
  clone:
    scopes: [read_repository]
    configure: [git]
`;

let gitlab: GitGitLab;
let d: JobDirs;
beforeAll(async () => {
  gitlab = await startGitGitLab(scenarioWithScopes(['read_repository']), {
    username: USER,
    password: PASSWORD,
  });
});
afterAll(() => gitlab?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.gitRequests.length = 0;
});
afterEach(() => removeJobDirs(d));

const repo = () => `${gitlab.url}/tanuki/awesome_project.git`;

test('deploy-token exec --job clone -- git clone URL succeeds, with nothing left on disk', async () => {
  // The user's own ~/.gitconfig keeps working (included), and a stale header of theirs for the same
  // URL does not stack up next to ours (the empty extraHeader resets the list).
  writeFileSync(
    join(d.home, '.gitconfig'),
    `[user]\n\tname = Tanuki\n[http "${gitlab.url}/"]\n\textraHeader = Authorization: Basic c3RhbGU6c3RhbGU=\n`,
  );
  const r = await execShell(
    'clone',
    `git clone -q "${repo()}" checkout && git config user.name && test "$GIT_TERMINAL_PROMPT" = 0`,
    { cwd: d.work, env: jobEnv(d, gitlab.url) },
  );
  expect(r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Tanuki');
  expect(readFileSync(join(d.work, 'checkout', 'README.md'), 'utf8')).toContain(
    'hello from the stand-in GitLab',
  );
  expect(gitlab.gitRequests.length).toBeGreaterThan(0);
  expect(gitlab.gitRequests.every((g) => g.authorized && g.user === USER && g.authHeaders === 1)).toBe(true);
  // Never in the remote URL or .git/config.
  const config = readFileSync(join(d.work, 'checkout', '.git', 'config'), 'utf8');
  expect(config).toContain(`url = ${repo()}`);
  expect(
    execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: join(d.work, 'checkout'),
      encoding: 'utf8',
    }).trim(),
  ).toBe(repo());
  expectNothingLeft(d);
  // The user's file is untouched.
  expect(readFileSync(join(d.home, '.gitconfig'), 'utf8')).toContain('name = Tanuki');
});

test('the same clone with a wrong token fails, without a prompt, and nothing is left', async () => {
  const r = await deployToken(['exec', '--job', 'clone', '--', 'git', 'clone', '-q', repo(), 'checkout'], {
    cwd: d.work,
    env: jobEnv(d, gitlab.url, { CI_DEPLOY_PASSWORD: WRONG_PASSWORD }),
  });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/Authentication failed|terminal prompts disabled|could not read Username/);
  expect(existsSync(join(d.work, 'checkout', 'README.md'))).toBe(false);
  expect(gitlab.gitRequests.some((g) => !g.authorized && g.user === USER)).toBe(true);
  expectNothingLeft(d, WRONG_PASSWORD);
});

test('without deploy-token the clone is refused: the credentials came from the written gitconfig', async () => {
  // Asynchronous: the server runs in this process, so a blocking git would never be answered.
  const code = await new Promise<number | null>((resolve) => {
    const git = spawn('git', ['clone', '-q', repo(), join(d.work, 'plain')], {
      env: { PATH: process.env.PATH ?? '', HOME: d.home, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
      stdio: 'ignore',
    });
    git.on('close', resolve);
  });
  expect(code).not.toBe(0);
  expect(gitlab.gitRequests.length).toBeGreaterThan(0);
  expect(gitlab.gitRequests.every((g) => !g.authorized)).toBe(true);
});
