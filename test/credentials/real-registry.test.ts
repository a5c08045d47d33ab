/**
 * Seed, "Pull images" and "Push images" from/to a container registry (read_registry,
 * write_registry), done by a real client against a real registry: skopeo against Debian's
 * docker-registry (registry:2, htpasswd bcrypt auth), with no Docker engine and no `docker login -p`.
 * skopeo finds the credentials in the written config.json: through DOCKER_CONFIG alone (proved by
 * unsetting REGISTRY_AUTH_FILE), and through REGISTRY_AUTH_FILE.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deployToken, secretForms, sweep } from '../helpers/servers/deploy-token.js';
import { startFront, type Front } from '../helpers/servers/gitlab-front.js';
import { needBinary } from '../helpers/servers/binaries.js';
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
import { makeOciLayout, startRegistry, type Registry } from '../helpers/servers/registry.js';

const SPEC = `version: 1
jobs:
  push:
    scopes: [read_registry, write_registry]
    configure: [docker]
  pull:
    scopes: [read_registry]
    configure: [docker]
  podman:
    scopes: [read_registry, write_registry]
    configure: [containers]
`;
const WRONG = 'gldt-WrongWrongWrongWrong';

let gitlab: Front;
let registry: Registry;
let d: JobDirs;
beforeAll(async () => {
  needBinary('skopeo', 'skopeo (Debian package skopeo)');
  gitlab = await startFront(scenarioWithScopes(['read_registry', 'write_registry']), () => false);
  registry = await startRegistry({ username: USER, password: PASSWORD });
});
afterAll(async () => {
  await gitlab?.close();
  await registry?.close();
});
beforeEach(() => (d = jobDirs(SPEC)));
afterEach(() => removeJobDirs(d));

const image = () => `docker://${registry.host}/tanuki/awesome_project:1`;
const env = (extra: Record<string, string> = {}) =>
  jobEnv(d, gitlab.url, { CI_REGISTRY: registry.host, ...extra });

test('push an image built from a tarball, pull it back (DOCKER_CONFIG alone), with nothing left', async () => {
  const layout = makeOciLayout(join(d.work, 'build'));
  const push = await deployToken(
    [
      'exec',
      '--job',
      'push',
      '--',
      'skopeo',
      'copy',
      '-q',
      '--dest-tls-verify=false',
      `oci:${layout}:latest`,
      image(),
    ],
    { cwd: d.work, env: env() },
  );
  expect(push.stderr).not.toContain(PASSWORD);
  expect(push.code).toBe(0);
  const pull = await deployToken(
    [
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
      image(),
      `dir:${join(d.work, 'pulled')}`,
    ],
    { cwd: d.work, env: env() },
  );
  expect(pull.code).toBe(0);
  expect(readdirSync(join(d.work, 'pulled'))).toContain('manifest.json');
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
});

test('configure containers: REGISTRY_AUTH_FILE alone (podman, buildah, skopeo)', async () => {
  const layout = makeOciLayout(join(d.work, 'build'));
  const r = await deployToken(
    [
      'exec',
      '--job',
      'podman',
      '--',
      'env',
      '-u',
      'DOCKER_CONFIG',
      'skopeo',
      'copy',
      '-q',
      '--dest-tls-verify=false',
      `oci:${layout}:latest`,
      `docker://${registry.host}/tanuki/awesome_project:2`,
    ],
    { cwd: d.work, env: env() },
  );
  expect(r.code).toBe(0);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
});

test('a wrong token is refused by the registry, and nothing is left', async () => {
  const r = await deployToken(
    ['exec', '--job', 'pull', '--', 'skopeo', 'inspect', '--tls-verify=false', image()],
    { cwd: d.work, env: env({ CI_DEPLOY_PASSWORD: WRONG }) },
  );
  expect(r.code).not.toBe(0);
  expect(r.stderr.toLowerCase()).toMatch(/unauthorized|authentication required|invalid username\/password/);
  expect(sweep(d.all, secretForms(USER, WRONG))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
});

test('without deploy-token skopeo has no credentials: they came from the written config.json', async () => {
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const p = spawn('skopeo', ['inspect', '--tls-verify=false', image()], {
      env: { PATH: process.env.PATH ?? '', HOME: d.home, TMPDIR: d.tmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (code) => resolve({ code, stderr }));
  });
  expect(r.code).not.toBe(0);
  expect(r.stderr.toLowerCase()).toMatch(/unauthorized|authentication required/);
});
