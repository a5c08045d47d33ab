/**
 * npm, pnpm and yarn against GitLab's npm endpoint `/api/v4/projects/:id/packages/npm/`, stood in by
 * a real registry (verdaccio 6.8) behind a front that decides as GitLab's package policy does
 * (test/helpers/servers/npm-gitlab.ts). The clients find the token only where deploy-token put it:
 * npm and pnpm in the written .npmrc (NPM_CONFIG_USERCONFIG), yarn (Berry) in its YARN_NPM_* settings.
 * Installs with read_package_registry; publishes with write_package_registry, and a read-only token's
 * publish is refused (403) as `plan` said.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary } from '../helpers/servers/binaries.js';
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
import {
  publishDirect,
  startNpmGitLab,
  writePackage,
  type NpmGitLab,
} from '../helpers/servers/npm-gitlab.js';

const SPEC = `version: 1
jobs:
  install:
    scopes: [read_package_registry]
    configure: [npm, pnpm, yarn]
  publish:
    scopes: [read_package_registry, write_package_registry]
    configure: [npm, yarn]
`;
const WRONG = 'gldt-WrongWrongWrongWrong';
const RO = scenarioWithScopes(['read_package_registry']);
const RW = scenarioWithScopes(['read_package_registry', 'write_package_registry']);
const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

let gitlab: NpmGitLab;
let d: JobDirs;
let setup: JobDirs;
beforeAll(async () => {
  gitlab = await startNpmGitLab(RO);
  setup = jobDirs('');
  publishDirect(
    gitlab.registryUrl,
    gitlab.admin,
    writePackage(setup.work, '@tanuki/hello', '1.0.0', 'hello from the GitLab npm registry'),
  );
}, 30_000);
afterAll(async () => {
  await gitlab?.close();
  removeJobDirs(setup);
});
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.gitlab.use(RO);
  gitlab.npmRequests.length = 0;
  writeFileSync(
    join(d.work, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { '@tanuki/hello': '1.0.0' } }),
  );
});
afterEach(() => removeJobDirs(d));

const run = (args: string[], extra: Record<string, string> = {}) =>
  deployToken(args, {
    cwd: d.work,
    env: jobEnv(d, gitlab.url, {
      npm_config_cache: join(d.home, '.npm'),
      npm_config_update_notifier: 'false',
      // GitLab is HTTPS; this test GitLab is plain HTTP on 127.0.0.1, which yarn must be told it may use.
      YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
      YARN_ENABLE_TELEMETRY: '0',
      YARN_NODE_LINKER: 'node-modules',
      // Yarn 4 holds back versions published minutes ago; ours were.
      YARN_NPM_MINIMAL_AGE_GATE: '0',
      ...extra,
    }),
    timeoutMs: 90_000,
  });
const installed = () => readFileSync(join(d.work, 'node_modules', '@tanuki', 'hello', 'index.js'), 'utf8');
/** What verdaccio holds for a package (read with its own login, outside GitLab). */
const versions = async (name: string): Promise<string[]> => {
  const r = await fetch(`${gitlab.registryUrl}/${name.replace('/', '%2f')}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${gitlab.admin.username}:${gitlab.admin.password}`).toString('base64')}`,
    },
  });
  return r.ok ? Object.keys(((await r.json()) as { versions: Record<string, unknown> }).versions) : [];
};

test('npm install through the written .npmrc, with nothing left', async () => {
  const r = await run([
    'exec',
    '--job',
    'install',
    '--',
    'npm',
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ]);
  expect(r.stderr).not.toContain(PASSWORD);
  expect(r.stderr).not.toMatch(/Unknown (user|project) config/);
  expect(r.code).toBe(0);
  expect(installed()).toContain('hello from the GitLab npm registry');
  expect(gitlab.npmRequests.length).toBeGreaterThan(0);
  expect(gitlab.npmRequests.every((q) => q.status === 200)).toBe(true);
  // npm keeps the registry URL in package-lock.json, never the token.
  expect(readFileSync(join(d.work, 'package-lock.json'), 'utf8')).toContain(
    '/api/v4/projects/3/packages/npm/',
  );
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 90_000);

test('npm publish with write_package_registry; a read-only token is refused (403), as plan said', async () => {
  const pub = writePackage(d.work, '@tanuki/published', '1.0.0', 'published through deploy-token');
  gitlab.gitlab.use(RW);
  const ok = await run(['exec', '--job', 'publish', '--', 'npm', 'publish', pub, '--loglevel=error']);
  expect(ok.stderr).not.toContain(PASSWORD);
  expect(ok.code).toBe(0);
  expect(await versions('@tanuki/published')).toEqual(['1.0.0']);

  gitlab.gitlab.use(RO);
  const plan = await run(['plan', '--job', 'install']);
  expect(plan.stdout).toContain(
    'client    npm: $NPM_CONFIG_USERCONFIG; pull yes; push no (needs write_package_registry)',
  );
  const next = writePackage(d.work, '@tanuki/published', '1.0.1', 'refused');
  gitlab.npmRequests.length = 0;
  const refused = await run(['exec', '--job', 'install', '--', 'npm', 'publish', next, '--loglevel=error']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/403|Forbidden/);
  expect(gitlab.npmRequests).toContainEqual(expect.objectContaining({ method: 'PUT', status: 403 }));
  expect(await versions('@tanuki/published')).toEqual(['1.0.0']);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
}, 90_000);

test('pnpm reads the same .npmrc (NPM_CONFIG_USERCONFIG) and installs', async () => {
  needBinary(bin('pnpm'), 'pnpm (a dev dependency: npm ci installs it)');
  const r = await run(['exec', '--job', 'install', '--', bin('pnpm'), 'install', '--reporter=silent']);
  expect(r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(installed()).toContain('hello from the GitLab npm registry');
  expect(gitlab.npmRequests.length).toBeGreaterThan(0);
  expect(gitlab.npmRequests.every((q) => q.status === 200)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 90_000);

test('yarn (Berry) installs and publishes with its YARN_NPM_* settings', async () => {
  const yarn = needBinary(
    bin('yarn'),
    'yarn Berry (@yarnpkg/cli-dist, a dev dependency: npm ci installs it)',
  );
  gitlab.gitlab.use(RW);
  const r = await run(['exec', '--job', 'publish', '--', yarn, 'install']);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(installed()).toContain('hello from the GitLab npm registry');
  const pub = writePackage(d.work, '@tanuki/from-yarn', '1.0.0', 'published by yarn');
  writeFileSync(join(pub, 'yarn.lock'), ''); // its own project, next to the consumer
  const p = await run([
    'exec',
    '--job',
    'publish',
    '--shell',
    '--',
    `cd ${JSON.stringify(pub)} && ${yarn} install && ${yarn} npm publish`,
  ]);
  expect(p.stdout + p.stderr).not.toContain(PASSWORD);
  expect(p.code).toBe(0);
  expect(await versions('@tanuki/from-yarn')).toEqual(['1.0.0']);
  expect(gitlab.npmRequests.every((q) => q.status === 200)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
}, 90_000);

test('a wrong token: npm install fails, and nothing is left', async () => {
  const r = await run(['exec', '--job', 'install', '--', 'npm', 'install', '--no-audit', '--no-fund'], {
    CI_DEPLOY_PASSWORD: WRONG,
  });
  expect(r.code).not.toBe(0);
  expect(gitlab.npmRequests.some((q) => q.status === 401)).toBe(true);
  expect(sweep(d.all, secretForms(USER, WRONG))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 90_000);
