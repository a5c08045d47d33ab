/**
 * Maven against GitLab's Maven repository (test/helpers/servers/maven-gitlab.ts) with Debian's Maven
 * (3.8: `mvn -s "$MAVEN_SETTINGS"`; MAVEN_ARGS is for 3.9+) and its packaged deploy plugin, from a
 * local repository made of /usr/share/maven-repo: no Maven Central. The written settings.xml sends
 * the `Deploy-Token` header for the server `gitlab-maven` and adds the repository in an active profile:
 * - push: `mvn deploy:deploy-file` uploads a parent POM with write_package_registry;
 * - pull: a project whose parent is only in GitLab builds its model (`mvn validate`), downloading it;
 * - a read-only token's deploy is refused (403), as `plan` said.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { localMavenRepo, startMavenGitLab, type MavenGitLab } from '../helpers/servers/maven-gitlab.js';

const SPEC = `version: 1
jobs:
  build:
    scopes: [read_package_registry]
    configure: [maven]
  release:
    scopes: [read_package_registry, write_package_registry]
    configure: [maven]
`;
const pom = (artifact: string, parent = '') => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>${parent}
  <groupId>com.example</groupId>
  <artifactId>${artifact}</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
</project>
`;
const PARENT =
  '\n  <parent><groupId>com.example</groupId><artifactId>parent</artifactId><version>1.0.0</version></parent>';

let gitlab: MavenGitLab;
let d: JobDirs;
let repo: string;
let setup: JobDirs;
beforeAll(async () => {
  gitlab = await startMavenGitLab(PACKAGES_WRITE);
  setup = jobDirs('');
  repo = localMavenRepo(join(setup.root, 'm2'));
});
afterAll(async () => {
  await gitlab?.close();
  removeJobDirs(setup);
});
beforeEach(() => {
  d = jobDirs(SPEC);
  gitlab.requests.length = 0;
  writeFileSync(join(d.work, 'parent.pom'), pom('parent'));
});
afterEach(() => removeJobDirs(d));

/** mvn with the written settings; a JVM that starts fast (no JIT beyond C1). */
const mvn = (job: string, args: string) =>
  execShell(job, `mvn -B -q -s "$MAVEN_SETTINGS" -Dmaven.repo.local="${repo}" ${args}`, {
    cwd: d.work,
    env: jobEnv(d, gitlab.url, { MAVEN_OPTS: '-XX:TieredStopAtLevel=1 -Xshare:auto' }),
    timeoutMs: 120_000,
  });
const deployParent = (job: string) =>
  mvn(
    job,
    `org.apache.maven.plugins:maven-deploy-plugin:3.0.0:deploy-file -Dfile=parent.pom -DpomFile=parent.pom -DrepositoryId=gitlab-maven -Durl=${gitlab.repositoryUrl}`,
  );

test('mvn deploys a parent POM with write_package_registry', async () => {
  gitlab.gitlab.use(PACKAGES_WRITE);
  const up = await deployParent('release');
  expect(up.stdout + up.stderr).not.toContain(PASSWORD);
  expect(up.code).toBe(0);
  expect([...gitlab.files.keys()]).toContain('com/example/parent/1.0.0/parent-1.0.0.pom');
  expect(
    gitlab.requests.filter((q) => q.method === 'PUT').every((q) => q.status === 200 && q.user === USER),
  ).toBe(true);
  expectNothingLeft(d);
}, 120_000);

test('read-only: a project pulls its parent from GitLab; the deploy is refused (403), as plan said', async () => {
  gitlab.gitlab.use(PACKAGES_READ);
  const plan = await runCli(['plan', '--job', 'build'], jobEnv(d, gitlab.url), {
    cwd: d.work,
    now: new Date(),
  });
  expect(plan.stdout).toContain(
    'client    maven: $MAVEN_SETTINGS, $MAVEN_ARGS; pull yes; push no (needs write_package_registry)',
  );
  writeFileSync(join(d.work, 'pom.xml'), pom('child', PARENT));
  // The parent the test above deployed (put there directly when this test runs alone).
  const key = 'com/example/parent/1.0.0/parent-1.0.0.pom';
  if (!gitlab.files.has(key)) gitlab.files.set(key, Buffer.from(pom('parent')));
  const [pull, refused] = await Promise.all([mvn('build', 'validate'), deployParent('build')]);
  expect(pull.stdout + pull.stderr).not.toContain(PASSWORD);
  expect(pull.code).toBe(0);
  expect(gitlab.requests).toContainEqual(
    expect.objectContaining({
      method: 'GET',
      path: expect.stringContaining('parent-1.0.0.pom'),
      status: 200,
      user: USER,
    }),
  );
  expect(refused.code).not.toBe(0);
  expect(refused.stdout + refused.stderr).toMatch(/403|Forbidden/);
  expect(gitlab.requests).toContainEqual(expect.objectContaining({ method: 'PUT', status: 403, user: USER }));
  expectNothingLeft(d);
}, 120_000);
