/**
 * Composer against GitLab's Composer repository (test/helpers/servers/composer-gitlab.ts): a real
 * `composer install` finds the credentials only in COMPOSER_AUTH (http-basic for the GitLab host),
 * merged over the user's own COMPOSER_AUTH. Composer has no upload (GitLab publishes Composer
 * packages from git tags through its API): pull only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary } from '../helpers/servers/binaries.js';
import { startComposerGitLab, type ComposerGitLab } from '../helpers/servers/composer-gitlab.js';
import { runCli } from '../helpers/cli.js';
import { execShell } from '../helpers/servers/deploy-token.js';
import {
  expectNothingLeft,
  jobDirs,
  jobEnv,
  PACKAGES_READ,
  PASSWORD,
  removeJobDirs,
  USER,
  WRONG_PASSWORD,
  type JobDirs,
} from '../helpers/servers/job.js';

const SPEC = `version: 1
jobs:
  install:
    scopes: [read_package_registry]
    configure: [composer]
`;

let gitlab: ComposerGitLab;
let d: JobDirs;
beforeAll(async () => {
  needBinary('composer', 'composer (Debian package composer)');
  gitlab = await startComposerGitLab(PACKAGES_READ);
});
afterAll(() => gitlab?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.requests.length = 0;
  writeFileSync(
    join(d.work, 'composer.json'),
    JSON.stringify({
      name: 'tanuki/consumer',
      // GitLab is HTTPS; this test GitLab is plain HTTP on 127.0.0.1, which composer must be told it may use.
      config: { 'secure-http': false },
      repositories: [{ type: 'composer', url: gitlab.repositoryUrl }, { 'packagist.org': false }],
      require: { 'tanuki/hello': '1.0.0' },
    }),
  );
});
afterEach(() => removeJobDirs(d));

/** composer install, then the hosts COMPOSER_AUTH holds logins for (names only: no value is printed). */
const HOSTS = `node -e 'const a = JSON.parse(process.env.COMPOSER_AUTH); console.log(JSON.stringify([Object.keys(a["github-oauth"] || {}), Object.keys(a["http-basic"])]))'`;
const install = (extra: Record<string, string> = {}) =>
  execShell('install', `composer install --no-interaction --no-progress && ${HOSTS}`, {
    cwd: d.work,
    env: jobEnv(d, gitlab.url, {
      COMPOSER_ALLOW_SUPERUSER: '1',
      COMPOSER_CACHE_DIR: join(d.tmp, 'composer-cache'),
      ...extra,
    }),
    timeoutMs: 90_000,
  });

test('composer install through COMPOSER_AUTH, keeping the user own entries, with nothing left', async () => {
  // The user's own COMPOSER_AUTH (another host's token) stays; ours is added for the GitLab host.
  const r = await install({
    COMPOSER_AUTH: JSON.stringify({ 'github-oauth': { 'github.com': 'ghp_userOwnToken' } }),
  });
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(JSON.stringify([['github.com'], [new URL(gitlab.url).host]]));
  expect(readFileSync(join(d.work, 'vendor', 'tanuki', 'hello', 'hello.php'), 'utf8')).toContain(
    'hello from the GitLab Composer repository',
  );
  expect(gitlab.requests.length).toBeGreaterThan(2);
  expect(gitlab.requests.every((q) => q.status === 200 && q.user === USER)).toBe(true);
  // composer.lock names the archive URL, never the token.
  expect(readFileSync(join(d.work, 'composer.lock'), 'utf8')).toContain(
    '/packages/composer/archives/tanuki/hello.zip',
  );
  expectNothingLeft(d);
}, 90_000);

test('the settings deploy-token gives composer: COMPOSER_AUTH merged, masked in plan', async () => {
  const r = await runCli(['plan', '--job', 'install'], jobEnv(d, gitlab.url), {
    cwd: d.work,
    now: new Date(),
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    'client    composer: $COMPOSER_AUTH (masked); pull yes; push no (composer has no upload',
  );
  expect(r.stdout).not.toContain(PASSWORD);
});

test('a wrong token: composer install fails, and nothing is left', async () => {
  const r = await install({ CI_DEPLOY_PASSWORD: WRONG_PASSWORD });
  expect(r.code).not.toBe(0);
  expect(existsSync(join(d.work, 'vendor', 'tanuki', 'hello'))).toBe(false);
  expect(gitlab.requests.some((q) => q.status === 401)).toBe(true);
  expectNothingLeft(d, WRONG_PASSWORD);
}, 90_000);
