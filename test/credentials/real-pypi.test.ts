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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary, needPythonWithPip } from '../helpers/servers/binaries.js';
import { runCli } from '../helpers/cli.js';
import { execShell } from '../helpers/servers/deploy-token.js';
import {
  expectNothingLeft,
  jobEnv,
  jobsPerTest,
  PACKAGES_READ,
  PACKAGES_WRITE,
  PASSWORD,
  USER,
  WRONG_PASSWORD,
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

let python: string;
let gitlab: PypiGitLab;
beforeAll(async () => {
  python = needPythonWithPip();
  gitlab = await startPypiGitLab(PACKAGES_READ, python);
});
afterAll(() => gitlab?.close());
beforeEach(() => (gitlab.requests.length = 0));

/** A job of its own (workspace, HOME, RUNNER_TEMP), so clients can run side by side. */
const job = jobsPerTest(SPEC);
const env = (d: JobDirs, extra: Record<string, string> = {}) =>
  jobEnv(d, gitlab.url, {
    // No desktop keyring here: poetry and twine would otherwise probe for one.
    PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
    ...extra,
  });
const exec = (d: JobDirs, jobName: string, command: string, extra: Record<string, string> = {}) =>
  execShell(jobName, command, {
    cwd: d.work,
    env: env(d, extra),
    timeoutMs: 90_000,
  });
/** A wheel to upload, in the workspace's dist/. */
const distWheel = (d: JobDirs, version: string) => {
  mkdirSync(join(d.work, 'dist'), { recursive: true });
  return buildWheel(python, join(d.work, 'dist'), version);
};
const pip = () => `${python} -m pip download --no-deps --disable-pip-version-check -d wheels hello-dt==1.0`;
const base = () => `${gitlab.url}/api/v4/projects/3/packages/pypi`;

test('with write_package_registry: twine, poetry and curl (netrc) upload, poetry locks from its named source', async () => {
  const twine = needBinary('twine', 'twine (Debian package twine)');
  const poetry = needBinary('poetry', 'poetry (Debian package python3-poetry)');
  gitlab.gitlab.use(PACKAGES_WRITE);
  const [t, p, n] = [job(), job(), job()];
  distWheel(t, '2.0');
  // poetry: a consumer that needs hello-dt from the source "gitlab"; and hello-dt 3.0 itself, to publish.
  const source = `[[tool.poetry.source]]\nname = "gitlab"\nurl = "${base()}/simple"\ndefault = true\n`;
  const pyproject = (name: string, version: string, deps: string) =>
    `[tool.poetry]\nname = "${name}"\nversion = "${version}"\ndescription = "test"\nauthors = ["Tanuki <tanuki@example.com>"]\n\n[tool.poetry.dependencies]\npython = ">=3.8"\n${deps}\n${source}`;
  mkdirSync(join(p.work, 'consumer'));
  writeFileSync(
    join(p.work, 'consumer', 'pyproject.toml'),
    pyproject('consumer', '0.1.0', 'hello-dt = { version = "1.0", source = "gitlab" }'),
  );
  writeFileSync(join(p.work, 'pyproject.toml'), pyproject('hello-dt', '3.0', ''));
  distWheel(p, '3.0');
  const wheel4 = distWheel(n, '4.0');
  const [tw, po, nc] = await Promise.all([
    exec(t, 'twine', `${twine} upload --non-interactive --config-file "$PYPIRC" dist/*`),
    exec(
      p,
      'poetry',
      `(cd consumer && ${poetry} lock --no-interaction) && ${poetry} publish -r gitlab --no-interaction`,
      { POETRY_CACHE_DIR: join(p.tmp, 'poetry-cache') },
    ),
    exec(
      n,
      'netrc',
      `curl -fsS --netrc-file "$NETRC" -o index.html ${base()}/simple/hello-dt/ && curl -fsS --netrc-file "$NETRC" -F ":action=file_upload" -F "name=hello-dt" -F "version=4.0" -F "content=@${wheel4}" ${base()}`,
    ),
  ]);
  for (const r of [tw, po, nc]) {
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(r.code).toBe(0);
  }
  expect([...gitlab.uploads.keys()].sort()).toEqual(
    [
      'hello_dt-2.0-py3-none-any.whl',
      'hello_dt-3.0-py3-none-any.whl',
      'hello_dt-4.0-py3-none-any.whl',
    ].sort(),
  );
  expect(readFileSync(join(p.work, 'consumer', 'poetry.lock'), 'utf8')).toMatch(
    /name = "hello-dt"\nversion = "1.0"/,
  );
  expect(existsSync(join(n.work, 'index.html'))).toBe(true);
  // Every request carried the token's login, from each client's own file or settings.
  expect(gitlab.requests.filter((q) => q.method === 'GET').length).toBeGreaterThan(0);
  expect(gitlab.requests.every((q) => q.user === USER && q.status === 200)).toBe(true);
  for (const d of [t, p, n]) {
    expectNothingLeft(d);
  }
}, 120_000);

test('read-only: pip pulls, twine is refused (403) as plan said, a wrong token is refused (401)', async () => {
  const twine = needBinary('twine', 'twine (Debian package twine)');
  gitlab.gitlab.use(PACKAGES_READ);
  const [p, t, w] = [job(), job(), job()];
  // A user pip.conf naming another index does not win over ours (PIP_CONFIG_FILE ranks above it).
  mkdirSync(join(p.home, '.config', 'pip'), { recursive: true });
  writeFileSync(
    join(p.home, '.config', 'pip', 'pip.conf'),
    '[global]\nindex-url = http://127.0.0.1:9/simple\n',
  );
  distWheel(t, '2.1');
  const plan = await runCli(['plan', '--job', 'twine-read'], env(t), { cwd: t.work, now: new Date() });
  expect(plan.stdout).toContain(
    'client    twine: $PYPIRC, $TWINE_REPOSITORY; pull yes; push no (needs write_package_registry)',
  );
  const [pulled, refused, wrong] = await Promise.all([
    exec(p, 'pip', pip()),
    exec(t, 'twine-read', `${twine} upload --non-interactive --config-file "$PYPIRC" dist/*`),
    exec(w, 'pip', pip(), { CI_DEPLOY_PASSWORD: WRONG_PASSWORD }),
  ]);
  expect(pulled.stdout + pulled.stderr).not.toContain(PASSWORD);
  expect(pulled.code).toBe(0);
  expect(existsSync(join(p.work, 'wheels', WHEEL))).toBe(true);
  expect(refused.code).not.toBe(0);
  expect(refused.stdout + refused.stderr).toMatch(/403|Forbidden/);
  expect(gitlab.requests).toContainEqual(
    expect.objectContaining({ method: 'POST', status: 403, user: USER }),
  );
  expect(gitlab.uploads.has('hello_dt-2.1-py3-none-any.whl')).toBe(false);
  expect(wrong.code).not.toBe(0);
  expect(existsSync(join(w.work, 'wheels', WHEEL))).toBe(false);
  expect(gitlab.requests.some((q) => q.status === 401)).toBe(true);
  expect(
    gitlab.requests.filter((q) => q.method === 'GET' && q.user !== null).every((q) => q.status === 200),
  ).toBe(true);
  for (const d of [p, t]) expectNothingLeft(d);
  expectNothingLeft(w, WRONG_PASSWORD);
}, 120_000);
