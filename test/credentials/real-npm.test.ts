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
import { runCli } from '../helpers/cli.js';
import { execShell } from '../helpers/servers/deploy-token.js';
import {
  expectNothingLeft,
  jobDirs,
  jobEnv,
  jobsPerTest,
  PACKAGES_READ,
  PACKAGES_WRITE,
  PASSWORD,
  removeJobDirs,
  WRONG_PASSWORD,
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
const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

let gitlab: NpmGitLab;
let setup: JobDirs;
beforeAll(async () => {
  gitlab = await startNpmGitLab(PACKAGES_READ);
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
beforeEach(() => (gitlab.npmRequests.length = 0));

const newJob = jobsPerTest(SPEC);
/** A job of its own (workspace with a consumer package.json, HOME, RUNNER_TEMP), so clients run side by side. */
function job(): JobDirs {
  const d = newJob();
  writeFileSync(
    join(d.work, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', dependencies: { '@tanuki/hello': '1.0.0' } }),
  );
  return d;
}
const env = (d: JobDirs, extra: Record<string, string> = {}) =>
  jobEnv(d, gitlab.url, {
    npm_config_cache: join(d.home, '.npm'),
    npm_config_update_notifier: 'false',
    // GitLab is HTTPS; this test GitLab is plain HTTP on 127.0.0.1, which yarn must be told it may use.
    YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_NODE_LINKER: 'node-modules',
    // Yarn 4 holds back versions published minutes ago; ours were.
    YARN_NPM_MINIMAL_AGE_GATE: '0',
    ...extra,
  });
const exec = (d: JobDirs, jobName: string, command: string, extra: Record<string, string> = {}) =>
  execShell(jobName, command, {
    cwd: d.work,
    env: env(d, extra),
    timeoutMs: 90_000,
  });
const installed = (d: JobDirs) =>
  readFileSync(join(d.work, 'node_modules', '@tanuki', 'hello', 'index.js'), 'utf8');
/** What verdaccio holds for a package (read with its own login, outside GitLab). */
const versions = async (name: string): Promise<string[]> => {
  const r = await fetch(`${gitlab.registryUrl}/${name.replace('/', '%2f')}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${gitlab.admin.username}:${gitlab.admin.password}`).toString('base64')}`,
    },
  });
  return r.ok ? Object.keys(((await r.json()) as { versions: Record<string, unknown> }).versions) : [];
};
const NPM_INSTALL = 'npm install --no-audit --no-fund --loglevel=error';

test('read-only: npm and pnpm install through the written .npmrc; npm publish is refused (403) as plan said; a wrong token is refused', async () => {
  const pnpm = needBinary(bin('pnpm'), 'pnpm (a dev dependency: npm ci installs it)');
  gitlab.gitlab.use(PACKAGES_READ);
  const [n, p, pub, w] = [job(), job(), job(), job()];
  const plan = await runCli(['plan', '--job', 'install'], env(pub), { cwd: pub.work, now: new Date() });
  expect(plan.stdout).toContain(
    'client    npm: $NPM_CONFIG_USERCONFIG; pull yes; push no (needs write_package_registry)',
  );
  const refusedPkg = writePackage(pub.work, '@tanuki/refused', '1.0.0', 'refused');
  const [npm, pn, refused, wrong] = await Promise.all([
    exec(n, 'install', NPM_INSTALL),
    exec(p, 'install', `${pnpm} install --reporter=silent`),
    exec(pub, 'install', `npm publish ${JSON.stringify(refusedPkg)} --loglevel=error`),
    exec(w, 'install', NPM_INSTALL, { CI_DEPLOY_PASSWORD: WRONG_PASSWORD }),
  ]);
  for (const [d, r] of [
    [n, npm],
    [p, pn],
  ] as const) {
    expect(r.stderr).not.toContain(PASSWORD);
    expect(r.stderr).not.toMatch(/Unknown (user|project) config/);
    expect(r.code).toBe(0);
    expect(installed(d)).toContain('hello from the GitLab npm registry');
  }
  // npm keeps the registry URL in package-lock.json, never the token.
  expect(readFileSync(join(n.work, 'package-lock.json'), 'utf8')).toContain(
    '/api/v4/projects/3/packages/npm/',
  );
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/403|Forbidden/);
  expect(gitlab.npmRequests).toContainEqual(expect.objectContaining({ method: 'PUT', status: 403 }));
  expect(await versions('@tanuki/refused')).toEqual([]);
  expect(wrong.code).not.toBe(0);
  expect(gitlab.npmRequests.some((q) => q.status === 401)).toBe(true);
  for (const d of [n, p, pub]) expectNothingLeft(d);
  expectNothingLeft(w, WRONG_PASSWORD);
}, 120_000);

test('with write_package_registry: npm publishes through the .npmrc, yarn (Berry) installs and publishes through its YARN_NPM_* settings', async () => {
  const yarn = needBinary(
    bin('yarn'),
    'yarn Berry (@yarnpkg/cli-dist, a dev dependency: npm ci installs it)',
  );
  gitlab.gitlab.use(PACKAGES_WRITE);
  const [n, y] = [job(), job()];
  const pub = writePackage(n.work, '@tanuki/published', '1.0.0', 'published through deploy-token');
  const ypub = writePackage(y.work, '@tanuki/from-yarn', '1.0.0', 'published by yarn');
  writeFileSync(join(ypub, 'yarn.lock'), ''); // its own project, next to the consumer
  const [npm, yr] = await Promise.all([
    exec(n, 'publish', `npm publish ${JSON.stringify(pub)} --loglevel=error`),
    exec(
      y,
      'publish',
      `${yarn} install && cd ${JSON.stringify(ypub)} && ${yarn} install && ${yarn} npm publish`,
    ),
  ]);
  for (const r of [npm, yr]) {
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(r.code).toBe(0);
  }
  expect(installed(y)).toContain('hello from the GitLab npm registry');
  expect(await versions('@tanuki/published')).toEqual(['1.0.0']);
  expect(await versions('@tanuki/from-yarn')).toEqual(['1.0.0']);
  expect(gitlab.npmRequests.filter((q) => q.method === 'PUT')).toHaveLength(2);
  expect(gitlab.npmRequests.every((q) => q.status === 200)).toBe(true);
  for (const d of [n, y]) {
    expectNothingLeft(d);
  }
}, 120_000);
