/**
 * The token lives only in the files of the manifest, and only as long as needed. After each run the
 * workspace, HOME, RUNNER_TEMP and TMPDIR are swept for every form of the token (raw, URL-encoded,
 * base64 of it and of `user:token`): while the files exist the token is in exactly those, after
 * cleanup (or the end of `exec`) it is nowhere. Every client is configured; the settings that carry the
 * token (yarn, poetry, uv, composer) are in the command's environment only. A fresh random token per
 * run, so nothing else matches.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CLIENT_NAMES } from '../../src/credentials/client-names.js';
import { deployToken, secretForms, sweep } from '../helpers/servers/deploy-token.js';
import {
  jobDirs,
  jobEnv,
  privateDirsLeft,
  removeJobDirs,
  scenarioWithScopes,
  USER,
  type JobDirs,
} from '../helpers/servers/job.js';
import { standinPerFile } from '../helpers/standin.js';

const SCOPES = [
  'read_repository',
  'read_registry',
  'write_registry',
  'read_package_registry',
  'write_package_registry',
];
const SPEC = `version: 1
jobs:
  all:
    scopes: [${SCOPES.join(', ')}]
    configure: [${CLIENT_NAMES.join(', ')}]
    files:
      - path: my-netrc
        template: "machine {{ gitlab_host }} login {{ username }} password {{ password }}"
        env: MY_NETRC
`;

let d: JobDirs;
let token: string;
const standin = standinPerFile(scenarioWithScopes(SCOPES));
beforeEach(() => {
  d = jobDirs(SPEC);
  // An alphabet that URL-encoding, JSON and XML leave alone, so each form is one string to look for.
  token = `gldt-${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;
});
afterEach(() => removeJobDirs(d));

const env = () => jobEnv(d, standin.url, { CI_DEPLOY_PASSWORD: token, CI_REGISTRY: 'registry.example.com' });

test('resolve writes the files: the token is in exactly the manifest files; cleanup leaves it nowhere', async () => {
  const r = await deployToken(['resolve', '--job', 'all', '--export', 'json'], { cwd: d.work, env: env() });
  expect(r.code).toBe(0);
  const manifestPath = /\(manifest (\S+)\)/.exec(r.stderr)?.[1];
  expect(manifestPath).toBeDefined();
  const manifest = JSON.parse(readFileSync(manifestPath!, 'utf8')) as { files: string[]; dir: string };
  expect(manifest.files.map((f) => f.slice(manifest.dir.length + 1)).sort()).toEqual(
    [
      'NuGet.Config',
      'containers/auth.json',
      'docker/config.json',
      'gitconfig',
      'kubernetes/image-pull-secret.yaml',
      'my-netrc',
      'netrc',
      'npmrc',
      'pip.conf',
      'pypirc',
      'settings.xml',
    ].sort(),
  );
  // Every file holds the token (in its format's form), and no other file on disk does.
  expect(sweep(d.all, secretForms(USER, token))).toEqual([...manifest.files].sort());
  // The manifest itself names files, never their content.
  expect(readFileSync(manifestPath!, 'utf8')).not.toContain(token);

  const c = await deployToken(['cleanup'], { cwd: d.work, env: env() });
  expect(c.code).toBe(0);
  for (const f of manifest.files) expect(c.stdout).toContain(`removed ${f}`);
  expect(sweep(d.all, secretForms(USER, token))).toEqual([]);
  expect(manifest.files.filter((f) => existsSync(f))).toEqual([]);
  expect(existsSync(manifest.dir)).toBe(false);
  expect(privateDirsLeft(d)).toEqual([]);
  // Idempotent: a second cleanup removes nothing and fails on nothing.
  const again = await deployToken(['cleanup'], { cwd: d.work, env: env() });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('0 removed');
});

test('exec: during the command only the files its variables point at hold the token; after, none', async () => {
  // The command sweeps the same roots itself, while the files exist.
  const probe = `
const { lstatSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const forms = JSON.parse(process.argv[1]);
const hits = [];
const walk = (p) => {
  const st = lstatSync(p);
  if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
  else if (st.isFile() && forms.some((f) => readFileSync(p, 'latin1').includes(f))) hits.push(p);
};
JSON.parse(process.argv[2]).forEach(walk);
const e = process.env;
const pointed = [e.GIT_CONFIG_GLOBAL, e.DOCKER_CONFIG + '/config.json', e.REGISTRY_AUTH_FILE, e.IMAGE_PULL_SECRET_FILE,
  e.NPM_CONFIG_USERCONFIG, e.NUGET_CONFIG_FILE, e.MAVEN_SETTINGS, e.PIP_CONFIG_FILE, e.PYPIRC, e.NETRC, e.MY_NETRC];
// The settings that carry the token (yarn, poetry, uv, composer) are in the environment, in no file.
const settings = ['YARN_NPM_AUTH_TOKEN', 'POETRY_HTTP_BASIC_GITLAB_PASSWORD', 'UV_INDEX_GITLAB_PASSWORD',
  'UV_PUBLISH_PASSWORD', 'COMPOSER_AUTH'].filter((n) => forms.some((f) => (e[n] || '').includes(f)));
process.stdout.write(JSON.stringify({ hits: hits.sort(), pointed: pointed.sort(), settings }));
`;
  const r = await deployToken(
    [
      'exec',
      '--job',
      'all',
      '--',
      process.execPath,
      '-e',
      probe,
      JSON.stringify(secretForms(USER, token)),
      JSON.stringify(d.all),
    ],
    { cwd: d.work, env: env() },
  );
  expect(r.code).toBe(0);
  const seen = JSON.parse(r.stdout) as { hits: string[]; pointed: string[]; settings: string[] };
  expect(seen.hits).toEqual(seen.pointed);
  expect(seen.settings).toHaveLength(5);
  expect(seen.hits.every((f) => f.startsWith(d.runnerTemp))).toBe(true);
  expect(sweep(d.all, secretForms(USER, token))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
});
