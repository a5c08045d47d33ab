/**
 * NuGet with Debian's nuget (NuGet.exe 2.8 on Mono) against GitLab's NuGet v2 feed
 * (test/helpers/servers/nuget-gitlab.ts). NuGet 2.x speaks only the v2 protocol, so the job asks for
 * it (`client_options: nuget: { feed: v2 }`); nuget finds the source and its credentials only in the
 * written NuGet.Config (-ConfigFile "$NUGET_CONFIG_FILE"): it pushes with write_package_registry, a
 * read-only push is refused (403) as `plan` said; and it cannot install without a prompt (below).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { needBinary } from '../helpers/servers/binaries.js';
import { runCli } from '../helpers/cli.js';
import { execShell } from '../helpers/servers/deploy-token.js';
import {
  expectNothingLeft,
  jobDirs,
  jobEnv,
  PACKAGES_READ,
  PACKAGES_WRITE,
  PASSWORD,
  removeJobDirs,
  USER,
  type JobDirs,
} from '../helpers/servers/job.js';
import { startNugetGitLab, type NugetGitLab } from '../helpers/servers/nuget-gitlab.js';

const SPEC = `version: 1
jobs:
  install:
    scopes: [read_package_registry]
    configure: [nuget]
    client_options: { nuget: { feed: v2 } }
  push:
    scopes: [read_package_registry, write_package_registry]
    configure: [nuget]
    client_options: { nuget: { feed: v2 } }
`;

let nuget: string;
let gitlab: NugetGitLab;
let d: JobDirs;
let setup: JobDirs;

/** `nuget pack` of a one-file package (test set-up: it talks to no server). */
function pack(dir: string, id: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${id}.nuspec`),
    `<?xml version="1.0"?><package><metadata><id>${id}</id><version>1.0.0</version><authors>Tanuki</authors><description>test</description></metadata><files><file src="hello.txt" target="content" /></files></package>`,
  );
  writeFileSync(join(dir, 'hello.txt'), `hello from ${id}\n`);
  execFileSync(nuget, ['pack', `${id}.nuspec`, '-NonInteractive'], {
    cwd: dir,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', HOME: dir },
  });
  return join(dir, `${id}.1.0.0.nupkg`);
}

beforeAll(async () => {
  nuget = needBinary('nuget', 'nuget (Debian package nuget)');
  gitlab = await startNugetGitLab(PACKAGES_READ);
  setup = jobDirs('');
  gitlab.packages.set('Hello/1.0.0', readFileSync(pack(join(setup.work, 'hello'), 'Hello')));
}, 60_000);
afterAll(async () => {
  await gitlab?.close();
  removeJobDirs(setup);
});
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.gitlab.use(PACKAGES_READ);
  gitlab.requests.length = 0;
  gitlab.pushed.length = 0;
});
afterEach(() => removeJobDirs(d));

const run = (job: string, command: string) =>
  execShell(job, command, {
    cwd: d.work,
    env: jobEnv(d, gitlab.url),
    timeoutMs: 120_000,
  });

test('nuget push with write_package_registry through the written NuGet.Config', async () => {
  pack(join(d.work, 'pushed'), 'Pushed');
  // Relative: NuGet 2.8 on Mono joins an absolute path to the working directory.
  const pkg = 'pushed/Pushed.1.0.0.nupkg';
  gitlab.gitlab.use(PACKAGES_WRITE);
  const ok = await run(
    'push',
    `nuget push ${pkg} -Source GitLab -ConfigFile "$NUGET_CONFIG_FILE" -NonInteractive`,
  );
  expect(ok.stdout + ok.stderr).not.toContain(PASSWORD);
  expect(ok.code).toBe(0);
  expect(gitlab.pushed).toEqual([readFileSync(join(d.work, pkg))]);
  expect(gitlab.requests).toContainEqual(expect.objectContaining({ method: 'PUT', status: 200, user: USER }));
  expectNothingLeft(d);
}, 120_000);

test('read-only: the push is refused (403) as plan said; NuGet 2.8 cannot install without a prompt', async () => {
  pack(join(d.work, 'pushed'), 'Pushed');
  gitlab.gitlab.use(PACKAGES_READ);
  const plan = await runCli(['plan', '--job', 'install'], jobEnv(d, gitlab.url), {
    cwd: d.work,
    now: new Date(),
  });
  expect(plan.stdout).toContain(
    'client    nuget: $NUGET_CONFIG_FILE; pull yes; push no (needs write_package_registry)',
  );
  const [refused, install] = await Promise.all([
    run(
      'install',
      'nuget push pushed/Pushed.1.0.0.nupkg -Source GitLab -ConfigFile "$NUGET_CONFIG_FILE" -NonInteractive',
    ),
    run(
      'install',
      'nuget install Hello -Version 1.0.0 -Source GitLab -ConfigFile "$NUGET_CONFIG_FILE" -OutputDirectory packages -NonInteractive',
    ),
  ]);
  expect(refused.code).not.toBe(0);
  expect(gitlab.requests).toContainEqual(expect.objectContaining({ method: 'PUT', status: 403, user: USER }));
  expect(gitlab.pushed).toEqual([]);
  // GitLab's v2 metadata is public and its download is not: nuget never gets a 401 on the source URL
  // itself, so it never reads the source's credentials, and asks for the download URL's instead.
  // (NuGet 3+ and dotnet start from index.json, the default feed.)
  expect(install.code).not.toBe(0);
  expect(install.stdout + install.stderr).toMatch(
    /Please provide credentials for: \S+\/nuget\/v2\/download\/Hello\/1\.0\.0/,
  );
  expect(gitlab.requests).toContainEqual(
    expect.objectContaining({
      path: expect.stringContaining("Packages(Id='Hello',Version='1.0.0')"),
      status: 200,
    }),
  );
  expect(gitlab.requests).toContainEqual(
    expect.objectContaining({
      path: expect.stringContaining('/download/Hello/1.0.0'),
      status: 401,
      user: null,
    }),
  );
  expect(existsSync(join(d.work, 'packages', 'Hello.1.0.0'))).toBe(false);
  expectNothingLeft(d);
}, 120_000);
