/**
 * Seed, "Pull packages from a package registry" (read_package_registry), npm: a real `npm install`
 * against a real registry, verdaccio 6.8 (htpasswd), behind GitLab's npm endpoint path
 * `/api/v4/projects/:id/packages/npm/` (test/helpers/servers/npm-gitlab.ts). npm is pointed at it only
 * by the written .npmrc (NPM_CONFIG_USERCONFIG): no --registry, no token on argv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployToken, secretForms, sweep } from '../helpers/servers/deploy-token.js';
import {
  jobDirs,
  jobEnv,
  PASSWORD,
  privateDirsLeft,
  removeJobDirs,
  scenarioWithScopes,
  USER,
  type JobDirs,
} from '../helpers/servers/job.js';
import { publishPackage, startNpmGitLab, type NpmGitLab } from '../helpers/servers/npm-gitlab.js';

const SPEC = `version: 1
jobs:
  npm:
    scopes: [read_package_registry]
    configure: [npm]
`;
const WRONG = 'gldt-WrongWrongWrongWrong';

let gitlab: NpmGitLab;
let d: JobDirs;
let publisher: JobDirs;
beforeAll(async () => {
  gitlab = await startNpmGitLab(
    scenarioWithScopes(['read_package_registry']),
    { username: USER, password: PASSWORD },
    () => new Date(),
  );
  publisher = jobDirs('');
  publishPackage(gitlab.registryUrl, { username: USER, password: PASSWORD }, publisher.work);
}, 20_000);
afterAll(async () => {
  await gitlab?.close();
  removeJobDirs(publisher);
});
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.npmRequests.length = 0;
  writeFileSync(
    join(d.work, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { '@tanuki/hello': '1.0.0' } }),
  );
});
afterEach(() => removeJobDirs(d));

const install = (password = PASSWORD) =>
  deployToken(
    ['exec', '--job', 'npm', '--', 'npm', 'install', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: d.work,
      env: jobEnv(d, gitlab.url, {
        CI_DEPLOY_PASSWORD: password,
        npm_config_cache: join(d.home, '.npm'),
        npm_config_update_notifier: 'false',
      }),
      timeoutMs: 60_000,
    },
  );

test('npm install through the written .npmrc, with nothing left', async () => {
  const r = await install();
  expect(r.stderr).not.toContain(PASSWORD);
  expect(r.stderr).not.toMatch(/Unknown (user|project) config/);
  expect(r.code).toBe(0);
  expect(readFileSync(join(d.work, 'node_modules', '@tanuki', 'hello', 'index.js'), 'utf8')).toContain(
    'hello from the GitLab npm registry',
  );
  expect(gitlab.npmRequests.length).toBeGreaterThan(0);
  expect(gitlab.npmRequests.every((q) => q.authorized)).toBe(true);
  // npm keeps the registry URL in package-lock.json, never the token.
  expect(readFileSync(join(d.work, 'package-lock.json'), 'utf8')).toContain(
    '/api/v4/projects/3/packages/npm/',
  );
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 60_000);

test('a wrong token: npm install fails, and nothing is left', async () => {
  const r = await install(WRONG);
  expect(r.code).not.toBe(0);
  expect(gitlab.npmRequests.some((q) => !q.authorized)).toBe(true);
  expect(sweep(d.all, secretForms(USER, WRONG))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 60_000);
