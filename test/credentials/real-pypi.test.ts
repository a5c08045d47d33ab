/**
 * Python packages against GitLab's PyPI endpoint (test/helpers/servers/pypi-gitlab.ts: the simple
 * index, files and uploads, deciding as GitLab's package policy does), with real clients that find
 * the credentials only where deploy-token put them:
 * - pip: pip.conf (PIP_CONFIG_FILE), beating a user pip.conf;
 * - twine: .pypirc (--config-file "$PYPIRC", TWINE_REPOSITORY) uploads with write_package_registry,
 *   and a read-only token is refused (403), as `plan` said;
 * - poetry: POETRY_HTTP_BASIC_GITLAB_* for the pyproject source `gitlab` (lock reads the index) and
 *   POETRY_REPOSITORIES_GITLAB_URL (publish uploads);
 * - netrc: curl --netrc-file "$NETRC" downloads and uploads.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary, needPythonWithPip } from '../helpers/servers/binaries.js';
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
import { buildWheel, startPypiGitLab, WHEEL, type PypiGitLab } from '../helpers/servers/pypi-gitlab.js';

const SPEC = `version: 1
jobs:
  pip:
    scopes: [read_package_registry]
    configure: [pypi]
  twine-read:
    scopes: [read_package_registry]
    configure: [twine]
  twine:
    scopes: [read_package_registry, write_package_registry]
    configure: [twine]
  poetry:
    scopes: [read_package_registry, write_package_registry]
    configure: [poetry]
  netrc:
    scopes: [read_package_registry, write_package_registry]
    configure: [netrc]
`;
const WRONG = 'gldt-WrongWrongWrongWrong';
const RO = scenarioWithScopes(['read_package_registry']);
const RW = scenarioWithScopes(['read_package_registry', 'write_package_registry']);

let python: string;
let gitlab: PypiGitLab;
let d: JobDirs;
beforeAll(async () => {
  python = needPythonWithPip();
  gitlab = await startPypiGitLab(RO, python);
});
afterAll(() => gitlab?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.gitlab.use(RO);
  gitlab.requests.length = 0;
});
afterEach(() => removeJobDirs(d));

const run = (args: string[], extra: Record<string, string> = {}) =>
  deployToken(args, {
    cwd: d.work,
    env: jobEnv(d, gitlab.url, {
      // No desktop keyring here: poetry and twine would otherwise probe for one.
      PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
      ...extra,
    }),
    timeoutMs: 90_000,
  });
const pipDownload = (password = PASSWORD) =>
  run(
    [
      'exec',
      '--job',
      'pip',
      '--',
      python,
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--disable-pip-version-check',
      '-d',
      join(d.work, 'wheels'),
      'hello-dt==1.0',
    ],
    { CI_DEPLOY_PASSWORD: password },
  );
/** A wheel to upload, in the workspace's dist/. */
const distWheel = (version: string) => {
  mkdirSync(join(d.work, 'dist'), { recursive: true });
  return buildWheel(python, join(d.work, 'dist'), version);
};

test('pip download through the written pip.conf, with nothing left', async () => {
  // A user pip.conf naming another index does not win over ours (PIP_CONFIG_FILE ranks above it).
  mkdirSync(join(d.home, '.config', 'pip'), { recursive: true });
  writeFileSync(
    join(d.home, '.config', 'pip', 'pip.conf'),
    '[global]\nindex-url = http://127.0.0.1:9/simple\n',
  );
  const r = await pipDownload();
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(existsSync(join(d.work, 'wheels', WHEEL))).toBe(true);
  expect(gitlab.requests.length).toBeGreaterThan(0);
  expect(gitlab.requests.every((q) => q.status === 200 && q.user === USER)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 60_000);

test('twine uploads with write_package_registry; a read-only token is refused (403), as plan said', async () => {
  const twine = needBinary('twine', 'twine (Debian package twine)');
  const wheel = distWheel('2.0');
  gitlab.gitlab.use(RW);
  const up = await run([
    'exec',
    '--job',
    'twine',
    '--shell',
    '--',
    `${twine} upload --non-interactive --config-file "$PYPIRC" dist/*`,
  ]);
  expect(up.stdout + up.stderr).not.toContain(PASSWORD);
  expect(up.code).toBe(0);
  expect(gitlab.uploads.has('hello_dt-2.0-py3-none-any.whl')).toBe(true);

  gitlab.gitlab.use(RO);
  const plan = await run(['plan', '--job', 'twine-read']);
  expect(plan.stdout).toContain(
    'client    twine: $PYPIRC, $TWINE_REPOSITORY; pull yes; push no (needs write_package_registry)',
  );
  copyFileSync(wheel, join(d.work, 'dist', 'hello_dt-2.1-py3-none-any.whl'));
  gitlab.requests.length = 0;
  const refused = await run([
    'exec',
    '--job',
    'twine-read',
    '--shell',
    '--',
    `${twine} upload --non-interactive --config-file "$PYPIRC" dist/hello_dt-2.1-py3-none-any.whl`,
  ]);
  expect(refused.code).not.toBe(0);
  expect(refused.stdout + refused.stderr).toMatch(/403|Forbidden/);
  expect(gitlab.requests).toContainEqual(
    expect.objectContaining({ method: 'POST', status: 403, user: USER }),
  );
  expect(gitlab.uploads.has('hello_dt-2.1-py3-none-any.whl')).toBe(false);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
}, 90_000);

test('poetry locks from the named source and publishes to it, with its POETRY_* settings', async () => {
  const poetry = needBinary('poetry', 'poetry (Debian package python3-poetry)');
  gitlab.gitlab.use(RW);
  const source = `[[tool.poetry.source]]\nname = "gitlab"\nurl = "${gitlab.url}/api/v4/projects/3/packages/pypi/simple"\ndefault = true\n`;
  const pyproject = (name: string, version: string, deps: string) =>
    `[tool.poetry]\nname = "${name}"\nversion = "${version}"\ndescription = "test"\nauthors = ["Tanuki <tanuki@example.com>"]\n\n[tool.poetry.dependencies]\npython = ">=3.8"\n${deps}\n${source}`;
  // A consumer that needs hello-dt from the source "gitlab"; and hello-dt 3.0 itself, to publish.
  mkdirSync(join(d.work, 'consumer'));
  writeFileSync(
    join(d.work, 'consumer', 'pyproject.toml'),
    pyproject('consumer', '0.1.0', 'hello-dt = { version = "1.0", source = "gitlab" }'),
  );
  writeFileSync(join(d.work, 'pyproject.toml'), pyproject('hello-dt', '3.0', ''));
  distWheel('3.0');
  const env = { POETRY_CACHE_DIR: join(d.tmp, 'poetry-cache') };
  const r = await run(
    [
      'exec',
      '--job',
      'poetry',
      '--shell',
      '--',
      `(cd consumer && ${poetry} lock --no-interaction) && ${poetry} publish -r gitlab --no-interaction`,
    ],
    env,
  );
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(readFileSync(join(d.work, 'consumer', 'poetry.lock'), 'utf8')).toMatch(
    /name = "hello-dt"\nversion = "1.0"/,
  );
  expect(gitlab.uploads.has('hello_dt-3.0-py3-none-any.whl')).toBe(true);
  expect(gitlab.requests.some((q) => q.method === 'GET')).toBe(true);
  expect(gitlab.requests.every((q) => q.user === USER && q.status === 200)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
}, 120_000);

test('netrc: curl --netrc-file "$NETRC" downloads, and uploads with write_package_registry', async () => {
  gitlab.gitlab.use(RW);
  const base = `${gitlab.url}/api/v4/projects/3/packages/pypi`;
  const wheel = distWheel('4.0');
  const r = await run([
    'exec',
    '--job',
    'netrc',
    '--shell',
    '--',
    `curl -fsS --netrc-file "$NETRC" -o index.html ${base}/simple/hello-dt/ && curl -fsS --netrc-file "$NETRC" -F ":action=file_upload" -F "name=hello-dt" -F "version=4.0" -F "content=@${wheel}" ${base}`,
  ]);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(existsSync(join(d.work, 'index.html'))).toBe(true);
  expect(gitlab.uploads.has('hello_dt-4.0-py3-none-any.whl')).toBe(true);
  expect(gitlab.requests.every((q) => q.user === USER && q.status === 200)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
}, 60_000);

test('a wrong token: pip download fails, and nothing is left', async () => {
  const r = await pipDownload(WRONG);
  expect(r.code).not.toBe(0);
  expect(existsSync(join(d.work, 'wheels', WHEEL))).toBe(false);
  expect(gitlab.requests.some((q) => q.status === 401)).toBe(true);
  expect(sweep(d.all, secretForms(USER, WRONG))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 60_000);
