/**
 * `go get` of a module in a private GitLab project, over git, with a real Go (Debian's golang-go) and
 * git against an HTTPS GitLab (test/helpers/servers/go-gitlab.ts). The `go` client gives go a netrc
 * (NETRC: the go-get=1 lookup of a nested project needs credentials), git the gitconfig header, and
 * GOPRIVATE/GONOSUMDB so that the module never goes to proxy.golang.org or sum.golang.org. GitLab's
 * own Go proxy does not take deploy tokens (lib/api/go_proxy.rb), so GOPROXY is left alone.
 * deploy-token runs without an API token here: the job's CI_DEPLOY_* are used as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary } from '../helpers/servers/binaries.js';
import { deployToken } from '../helpers/servers/deploy-token.js';
import { GO_MODULE, GO_PROJECT, startGoGitLab, type GoGitLab } from '../helpers/servers/go-gitlab.js';
import {
  expectNothingLeft,
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

const SPEC = `version: 1
jobs:
  build:
    scopes: [read_repository]
    configure: [go]
  git-only:
    scopes: [read_repository]
    configure: [git]
`;

let gitlab: GoGitLab;
let d: JobDirs;
beforeAll(async () => {
  needBinary('go', 'go (Debian package golang-go)');
  gitlab = await startGoGitLab(scenarioWithScopes(['read_repository']));
});
afterAll(() => gitlab?.close());
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.requests.length = 0;
  gitlab.refused.length = 0;
  writeFileSync(join(d.work, 'go.mod'), 'module consumer\n\ngo 1.19\n');
});
afterEach(() => removeJobDirs(d));

const goGet = (job: string, extra: Record<string, string> = {}) => {
  const env: Record<string, string> = jobEnv(d, gitlab.url, {
    // Reached through the proxy, trusting the test GitLab's certificate (go: SSL_CERT_FILE, git: GIT_SSL_CAINFO).
    HTTPS_PROXY: gitlab.proxy,
    https_proxy: gitlab.proxy,
    SSL_CERT_FILE: gitlab.certPath,
    GIT_SSL_CAINFO: gitlab.certPath,
    GOPATH: join(d.home, 'go'),
    GOCACHE: join(d.tmp, 'go-build'),
    GOFLAGS: '-modcacherw',
    ...extra,
  });
  delete env.GITLAB_TOKEN;
  return deployToken(['exec', '--job', job, '--', 'go', 'get', `${GO_MODULE}@v1.0.0`], {
    cwd: d.work,
    env,
    timeoutMs: 120_000,
  });
};

test('go get over git with the written netrc, gitconfig and GOPRIVATE, with nothing left', async () => {
  const r = await goGet('build');
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  expect(r.code).toBe(0);
  expect(readFileSync(join(d.work, 'go.mod'), 'utf8')).toContain(`require ${GO_MODULE} v1.0.0`);
  expect(existsSync(join(d.home, 'go', 'pkg', 'mod', `${GO_MODULE}@v1.0.0`, 'hello.go'))).toBe(true);
  // The lookup went with credentials (netrc), the fetch too (gitconfig); nothing went to public Go services.
  expect(gitlab.requests.some((q) => q.goGet && q.user === USER)).toBe(true);
  // Git sent the header for every request; the module's repository answered (Go also tries the
  // shorter path prefixes as module candidates: GitLab has no such projects, 404).
  const git = gitlab.requests.filter((q) => !q.goGet);
  expect(git.every((q) => q.user === USER)).toBe(true);
  expect(git.filter((q) => q.path.startsWith(`/${GO_PROJECT}.git/`)).map((q) => q.status)).toContain(200);
  expect(git.every((q) => q.status === 200 || q.status === 404)).toBe(true);
  expect(gitlab.refused).toEqual([]);
  expectNothingLeft(d);
}, 120_000);

test('git alone is not enough: without the netrc and GOPRIVATE, go asks the public proxy', async () => {
  const r = await goGet('git-only');
  expect(r.code).not.toBe(0);
  expect(gitlab.refused.some((h) => h.startsWith('proxy.golang.org'))).toBe(true);
  expect(privateDirsLeft(d)).toEqual([]);
}, 120_000);

test('a wrong token: the lookup finds the wrong repository, git is refused, nothing is left', async () => {
  const r = await goGet('build', { CI_DEPLOY_PASSWORD: WRONG_PASSWORD });
  expect(r.code).not.toBe(0);
  expect(gitlab.requests.some((q) => !q.goGet && q.status === 401)).toBe(true);
  expectNothingLeft(d, WRONG_PASSWORD);
}, 120_000);
