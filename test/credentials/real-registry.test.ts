/**
 * Container images with a deploy token, as GitLab serves them: a real registry (Debian's
 * docker-registry) behind GitLab's token authentication (test/helpers/servers/registry-gitlab.ts),
 * which grants `pull` for read_registry and `push` for write_registry, and real clients that find the
 * credentials only in the files deploy-token wrote:
 * - containers: skopeo and buildah through REGISTRY_AUTH_FILE alone; docker's config.json through
 *   DOCKER_CONFIG alone (read by skopeo: no Docker engine here);
 * - a read-only token pulls, and its push is refused by the registry itself, as `validate` and `plan`
 *   said beforehand; write_registry alone is refused too (an upload needs pull and push);
 * - the dependency proxy host (`dependency_proxy: true`) is in both files and pulls through them;
 * - kubernetes: the image pull secret equals kubectl's own, and its credentials pull.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { needBinary, runAsync } from '../helpers/servers/binaries.js';
import { runCli } from '../helpers/cli.js';
import { deployToken } from '../helpers/servers/deploy-token.js';
import {
  expectNothingLeft,
  GROUP_PASSWORD,
  GROUP_USER,
  groupScenarioWithScopes,
  jobDirs,
  jobEnv,
  PASSWORD,
  privateDirsLeft,
  removeJobDirs,
  scenarioWithScopes,
  USER,
  WRONG_PASSWORD,
  type JobDirs,
} from '../helpers/servers/job.js';
import { startRegistryGitLab, type RegistryGitLab } from '../helpers/servers/registry-gitlab.js';
import { makeOciLayout } from '../helpers/servers/registry.js';

const SPEC = `version: 1
jobs:
  push:
    scopes: [read_registry, write_registry]
    configure: [containers, docker]
  pull:
    scopes: [read_registry]
    configure: [containers, docker]
  write-only:
    scopes: [write_registry]
  proxy:
    scopes: [read_registry, write_registry]
    configure: [docker, containers]
    dependency_proxy: true
  deploy:
    scopes: [read_registry]
    configure: [kubernetes]
    client_options:
      kubernetes: { name: regcred, namespace: apps }
`;
/** A job that pushes with a read-only token: what validate is there to catch. */
const PUSH =
  'skopeo copy -q --dest-tls-verify=false oci:build/image:latest docker://$CI_REGISTRY_IMAGE:mirror';
const MIRROR = `version: 1
jobs:
  mirror:
    scopes: [read_registry]
    configure: [containers]
    run:
      - ${PUSH}
`;
const RW = scenarioWithScopes(['read_registry', 'write_registry']);
const RO = scenarioWithScopes(['read_registry']);

let gl: RegistryGitLab;
let d: JobDirs;
beforeAll(async () => {
  needBinary('skopeo', 'skopeo (Debian package skopeo)');
  gl = await startRegistryGitLab(RW);
});
afterAll(() => gl?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gl.gitlab.use(RW);
  gl.tokenRequests.length = 0;
});
afterEach(() => removeJobDirs(d));

const host = () => gl.registry.host;
const image = (tag: string) => `docker://${host()}/tanuki/awesome_project:${tag}`;
const env = (extra: Record<string, string> = {}) =>
  jobEnv(d, gl.gitlab.url, {
    CI_REGISTRY: host(),
    CI_REGISTRY_IMAGE: `${host()}/tanuki/awesome_project`,
    ...extra,
  });
/** validate and plan in this process: they start no client. */
const cli = (args: string[]) => runCli(args, env(), { cwd: d.work, now: new Date() });
const run = (args: string[], extra: Record<string, string> = {}) =>
  deployToken(args, { cwd: d.work, env: env(extra), timeoutMs: 60_000 });
/** Seeds an image as GitLab itself could (a full-access token), outside deploy-token. */
async function seed(ref: string): Promise<void> {
  const layout = makeOciLayout(join(d.tmp, `seed-${Math.random().toString(36).slice(2)}`));
  const creds = `${gl.admin.username}:${gl.admin.password}`;
  const r = await runAsync('skopeo', [
    'copy',
    '-q',
    '--dest-tls-verify=false',
    '--dest-creds',
    creds,
    `oci:${layout}:latest`,
    ref,
  ]);
  if (r.code !== 0) throw new Error(`seeding ${ref} failed: ${r.stderr}`);
}

test('containers (skopeo) pushes through REGISTRY_AUTH_FILE alone; docker pulls through DOCKER_CONFIG alone', async () => {
  makeOciLayout(join(d.work, 'build'));
  const push = await run([
    'exec',
    '--job',
    'push',
    '--',
    'env',
    '-u',
    'DOCKER_CONFIG',
    'skopeo',
    'copy',
    '-q',
    '--dest-tls-verify=false',
    'oci:build/image:latest',
    image('1'),
  ]);
  expect(push.stderr).not.toContain(PASSWORD);
  expect(push.code).toBe(0);
  // GitLab granted both actions to this token, and the registry needed both for the upload.
  expect(
    gl.tokenRequests.some((t) => t.user === USER && t.granted.some((g) => g.actions.includes('push'))),
  ).toBe(true);
  gl.gitlab.use(RO);
  const pull = await run([
    'exec',
    '--job',
    'pull',
    '--',
    'env',
    '-u',
    'REGISTRY_AUTH_FILE',
    'skopeo',
    'copy',
    '-q',
    '--src-tls-verify=false',
    image('1'),
    `dir:${join(d.work, 'pulled')}`,
  ]);
  expect(pull.code).toBe(0);
  expect(readdirSync(join(d.work, 'pulled'))).toContain('manifest.json');
  expectNothingLeft(d);
});

test('buildah builds from scratch and pushes through REGISTRY_AUTH_FILE', async () => {
  needBinary('buildah', 'buildah (Debian package buildah)');
  writeFileSync(join(d.work, 'hello.txt'), 'hello from buildah\n');
  // Its own storage under the job's temp dir (vfs: no mounts needed).
  const b = `buildah --root "$TMPDIR/b-root" --runroot "$TMPDIR/b-run" --storage-driver vfs`;
  const r = await run([
    'exec',
    '--job',
    'push',
    '--shell',
    '--',
    `unset DOCKER_CONFIG; c=$(${b} from scratch) && ${b} copy "$c" hello.txt /hello.txt && ${b} commit -q "$c" localhost/hello:1 >/dev/null && ${b} push -q --tls-verify=false localhost/hello:1 ${image('buildah')}`,
  ]);
  expect(r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(
    gl.tokenRequests.some(
      (t) => t.user === USER && t.asked.some((s) => s.endsWith(':pull,push') || s.endsWith(':push,pull')),
    ),
  ).toBe(true);
  expect(privateDirsLeft(d)).toEqual([]);
}, 60_000);

test('a read-only token: validate and plan say the push cannot work, the registry refuses it, the pull works', async () => {
  gl.gitlab.use(RO);
  writeFileSync(join(d.work, 'mirror.yml'), MIRROR);
  const v = await cli(['validate', 'mirror.yml']);
  expect(v.code).toBe(1);
  expect(v.stdout + v.stderr).toMatch(/skopeo copy needs [^\n]*write_registry/);
  // A job that declares the push scopes: plan refuses it (exit 1), naming the missing scope.
  const strict = await cli(['plan', '--job', 'push']);
  expect(strict.code).toBe(1);
  expect(strict.stdout + strict.stderr).toMatch(/write_registry/);
  // A job that declares only read_registry resolves; plan says containers can pull, not push.
  const p = await cli(['plan', '--job', 'pull']);
  expect(p.code).toBe(0);
  expect(p.stdout).toContain(
    'client    containers: $REGISTRY_AUTH_FILE; pull yes; push no (needs write_registry)',
  );
  // The push itself: GitLab grants only pull, and the registry refuses the upload; the pull works.
  makeOciLayout(join(d.work, 'build'));
  await seed(image('ro'));
  const [push, pull] = await Promise.all([
    run(['exec', '--job', 'pull', '--shell', '--', PUSH]),
    run(['exec', '--job', 'pull', '--', 'skopeo', 'inspect', '--tls-verify=false', image('ro')]),
  ]);
  expect(push.code).not.toBe(0);
  expect(push.stderr.toLowerCase()).toMatch(/denied|unauthorized|authentication required/);
  const asked = gl.tokenRequests.filter((t) => t.user === USER && t.asked.some((s) => s.includes('push')));
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.every((t) => t.granted.every((g) => !g.actions.includes('push')))).toBe(true);
  expect(pull.code).toBe(0);
  expectNothingLeft(d);
}, 60_000);

test('write_registry alone: GitLab grants push without pull, and the registry refuses the upload', async () => {
  gl.gitlab.use(scenarioWithScopes(['write_registry']));
  // plan says beforehand that the job cannot push (docs/gitlab-rules.md, "Pushing images")…
  const p = await cli(['plan', '--job', 'write-only', '--configure', 'containers']);
  expect(p.code).toBe(1);
  expect(p.stdout).toContain('pushing images needs read_registry as well as write_registry');
  // …and the registry itself refuses the upload when the pair is used anyway (no job: no scope check).
  makeOciLayout(join(d.work, 'build'));
  const push = await run([
    'exec',
    '--configure',
    'containers',
    '--',
    'skopeo',
    'copy',
    '-q',
    '--dest-tls-verify=false',
    'oci:build/image:latest',
    image('wo'),
  ]);
  expect(push.code).not.toBe(0);
  const granted = gl.tokenRequests
    .filter((t) => t.user === USER)
    .flatMap((t) => t.granted.flatMap((g) => g.actions));
  expect(granted).toContain('push');
  expect(granted).not.toContain('pull');
});

test('dependency_proxy: true puts the proxy host in both files; a group token pulls through it', async () => {
  gl.gitlab.use(groupScenarioWithScopes(['read_registry', 'write_registry']));
  // The registry again, under a second host name: as the dependency proxy is another host than CI_REGISTRY.
  const proxyHost = `localhost:${host().split(':')[1]}`;
  const proxied = `docker://${proxyHost}/tanuki/dependency_proxy/containers/hello:1`;
  await seed(proxied);
  const pull = (unset: string) =>
    run(
      [
        'exec',
        '--job',
        'proxy',
        '--',
        'env',
        '-u',
        unset,
        'skopeo',
        'inspect',
        '--tls-verify=false',
        proxied,
      ],
      {
        CI_DEPLOY_USER: GROUP_USER,
        CI_DEPLOY_PASSWORD: GROUP_PASSWORD,
        CI_DEPENDENCY_PROXY_SERVER: proxyHost,
      },
    );
  const [viaContainers, viaDocker] = await Promise.all([pull('DOCKER_CONFIG'), pull('REGISTRY_AUTH_FILE')]);
  expect(viaContainers.stderr).not.toContain(GROUP_PASSWORD);
  expect(viaContainers.code).toBe(0);
  expect(viaDocker.code).toBe(0);
  expect(
    gl.tokenRequests.filter((t) => t.user === GROUP_USER).flatMap((t) => t.granted.map((g) => g.name)),
  ).toContain('tanuki/dependency_proxy/containers/hello');
  expectNothingLeft(d, GROUP_PASSWORD, GROUP_USER);
});

test('kubernetes: the image pull secret is what kubectl makes, and its credentials pull', async () => {
  needBinary('kubectl', 'kubectl (Debian package kubernetes-client)');
  gl.gitlab.use(RO);
  await seed(image('k8s'));
  // The command sees the manifest while it exists; a copy is kept for the checks below.
  const r = await run([
    'exec',
    '--job',
    'deploy',
    '--shell',
    '--',
    'cp "$IMAGE_PULL_SECRET_FILE" "$TMPDIR/secret.yaml"',
  ]);
  expect(r.code).toBe(0);
  const written = readFileSync(join(d.tmp, 'secret.yaml'), 'utf8');
  const oracle = execFileSync(
    'kubectl',
    [
      'create',
      'secret',
      'docker-registry',
      'regcred',
      `--docker-server=${host()}`,
      `--docker-username=${USER}`,
      `--docker-password=${PASSWORD}`,
      '--namespace=apps',
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: d.home } },
  );
  // Byte for byte, but for the creationTimestamp: null that kubectl prints for an object never stored.
  expect(written).toBe(oracle.replace('  creationTimestamp: null\n', ''));
  const secret = parse(written) as { data: Record<string, string> };
  mkdirSync(join(d.tmp, 'auth'));
  writeFileSync(join(d.tmp, 'auth', 'config.json'), Buffer.from(secret.data['.dockerconfigjson']!, 'base64'));
  const inspect = await runAsync(
    'skopeo',
    ['inspect', '--tls-verify=false', '--authfile', join(d.tmp, 'auth', 'config.json'), image('k8s')],
    { env: { PATH: process.env.PATH ?? '', HOME: d.home } },
  );
  expect(inspect.code).toBe(0);
});

test('a wrong token is refused by GitLab, and nothing is left', async () => {
  const r = await run(
    ['exec', '--job', 'pull', '--', 'skopeo', 'inspect', '--tls-verify=false', image('1')],
    {
      CI_DEPLOY_PASSWORD: WRONG_PASSWORD,
    },
  );
  expect(r.code).not.toBe(0);
  expect(gl.tokenRequests.some((t) => t.status === 401)).toBe(true);
  expectNothingLeft(d, WRONG_PASSWORD);
});

test('without deploy-token skopeo has no credentials: they came from the written files', async () => {
  await seed(image('plain'));
  const r = await runAsync('skopeo', ['inspect', '--tls-verify=false', image('plain')], {
    env: { PATH: process.env.PATH ?? '', HOME: d.home, TMPDIR: d.tmp },
  });
  expect(r.code).not.toBe(0);
  expect(r.stderr.toLowerCase()).toMatch(/unauthorized|authentication required|denied/);
});
