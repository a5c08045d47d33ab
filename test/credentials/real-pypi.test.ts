/**
 * Packages with read_package_registry, PyPI: a real `pip download` against GitLab's PyPI simple index
 * path `/api/v4/projects/:id/packages/pypi/simple` behind basic auth (test/helpers/servers/
 * pypi-gitlab.ts). pip is pointed at it only by the written pip.conf (PIP_CONFIG_FILE): no
 * --index-url, no token on argv.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needPythonWithPip } from '../helpers/servers/binaries.js';
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
import { startPypiGitLab, WHEEL, type PypiGitLab } from '../helpers/servers/pypi-gitlab.js';

const SPEC = `version: 1
jobs:
  pypi:
    scopes: [read_package_registry]
    configure: [pypi]
`;
const WRONG = 'gldt-WrongWrongWrongWrong';

let python: string;
let gitlab: PypiGitLab;
let d: JobDirs;
beforeAll(async () => {
  python = needPythonWithPip();
  gitlab = await startPypiGitLab(
    scenarioWithScopes(['read_package_registry']),
    { username: USER, password: PASSWORD },
    python,
  );
});
afterAll(() => gitlab?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.requests.length = 0;
});
afterEach(() => removeJobDirs(d));

const download = (password = PASSWORD) =>
  deployToken(
    [
      'exec',
      '--job',
      'pypi',
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
    { cwd: d.work, env: jobEnv(d, gitlab.url, { CI_DEPLOY_PASSWORD: password }), timeoutMs: 60_000 },
  );

test('pip download through the written pip.conf, with nothing left', async () => {
  // A user pip.conf naming another index does not win over ours (PIP_CONFIG_FILE ranks above it).
  mkdirSync(join(d.home, '.config', 'pip'), { recursive: true });
  writeFileSync(
    join(d.home, '.config', 'pip', 'pip.conf'),
    '[global]\nindex-url = http://127.0.0.1:9/simple\n',
  );
  const r = await download();
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(existsSync(join(d.work, 'wheels', WHEEL))).toBe(true);
  expect(gitlab.requests.length).toBeGreaterThan(0);
  expect(gitlab.requests.every((q) => q.authorized && q.user === USER)).toBe(true);
  expect(sweep(d.all, secretForms(USER, PASSWORD))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 30_000);

test('a wrong token: pip download fails, and nothing is left', async () => {
  const r = await download(WRONG);
  expect(r.code).not.toBe(0);
  expect(existsSync(join(d.work, 'wheels', WHEEL))).toBe(false);
  expect(gitlab.requests.some((q) => !q.authorized)).toBe(true);
  expect(sweep(d.all, secretForms(USER, WRONG))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}, 30_000);
