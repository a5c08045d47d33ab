/**
 * The records `cleanup` acts on are this user's own: the state directory must be a real directory of
 * ours that nobody else may write in (else resolve and cleanup refuse, exit 2), each manifest a
 * regular file of ours writable by nobody else, and what a manifest names is touched only inside its
 * own private directory (ours, 0700). Another local user is simulated with `nobody` (tests run as
 * root) or, where root cannot be another user, with the injected uid. A failing resolve leaves no
 * files and no record behind.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRecorded, stateDir } from '../../src/app/state-dir.js';
import { cleanup, saveManifest, untrustedManifest, type Manifest } from '../../src/credentials/manifest.js';
import { privateDir } from '../../src/credentials/write.js';
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';
import { standinPerFile } from '../helpers/standin.js';

const NOBODY = 65534;
const scenario = loadScenario('1-project-token.json');
let root: string;
let runnerTemp: string;
const standin = standinPerFile(scenario);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-state-'));
  runnerTemp = join(root, 'runner-temp');
  mkdirSync(runnerTemp);
  chmodSync(root, 0o755);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = () => ({
  GITLAB_TOKEN: scenario.apiTokens[0],
  CI_SERVER_URL: standin.url,
  CI_PROJECT_PATH: 'tanuki/awesome_project',
  CI_REGISTRY: 'registry.example.com',
  RUNNER_TEMP: runnerTemp,
  HOME: root,
  ...scenario.jobEnv,
});
const state = () => stateDir({ RUNNER_TEMP: runnerTemp });
const privateDirs = () => readdirSync(runnerTemp).filter((f) => /^deploy-token-[A-Za-z0-9]{6}$/.test(f));

/** The user's own data, which a planted manifest names. */
function victim(): string {
  const dir = join(root, 'project');
  mkdirSync(dir, { mode: 0o700 });
  writeFileSync(join(dir, 'important.txt'), 'precious\n');
  return join(dir, 'important.txt');
}

const manifestFor = (dir: string, files: string[]): Manifest => ({
  version: 1,
  createdAt: '2026-11-25T00:00:00.000Z',
  dir,
  files,
  dirs: [],
  variables: [],
});

describe('the state directory', () => {
  test('resolve creates it 0700 and records there', async () => {
    const r = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], env());
    expect(r.code).toBe(0);
    expect(statSync(state()).mode & 0o777).toBe(0o700);
    expect(readdirSync(state())).toHaveLength(1);
  });

  const planted: [string, (d: string) => void, RegExp][] = [
    [
      'owned by another user',
      (d) => {
        mkdirSync(d, { mode: 0o700 });
        chownSync(d, NOBODY, NOBODY);
      },
      /belongs to uid 65534/,
    ],
    [
      'writable by others',
      (d) => {
        mkdirSync(d);
        chmodSync(d, 0o777);
      },
      /others may write in it \(mode 777\)/,
    ],
    [
      'a symlink',
      (d) => {
        mkdirSync(`${d}-real`, { mode: 0o700 });
        symlinkSync(`${d}-real`, d);
      },
      /is a symlink/,
    ],
    ['a file', (d) => writeFileSync(d, ''), /is not a directory/],
  ];
  test.each(planted)(
    '%s: cleanup and resolve refuse it (exit 2) and touch nothing',
    async (_what, make, why) => {
      const important = victim();
      make(state());
      if (statSync(state()).isDirectory()) {
        // Planted in it: a manifest naming the user's own file.
        const m = join(state(), 'deploy-token-planted.json');
        writeFileSync(m, JSON.stringify(manifestFor(join(root, 'project'), [important])));
      }
      const c = await runCli(['cleanup'], env());
      expect(c.code).toBe(2);
      expect(c.stderr).toMatch(why);
      expect(c.stderr).toContain(`the state directory ${state()} is not safe to use`);
      expect(readFileSync(important, 'utf8')).toBe('precious\n');
      const before = standin.gitlab.requests.length;
      const r = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], env());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stdout).toBe('');
      expect(standin.gitlab.requests.length).toBe(before);
      expect(privateDirs()).toEqual([]);
    },
  );
});

describe('manifests', () => {
  test("another user's manifest in our state directory is used for nothing: its files stay", async () => {
    const important = victim();
    mkdirSync(state(), { mode: 0o700 });
    const m = join(state(), 'deploy-token-planted.json');
    saveManifest(manifestFor(join(root, 'project'), [important]), m);
    chownSync(m, NOBODY, NOBODY);
    const c = await runCli(['cleanup'], env());
    expect(c.stderr).toContain(`ignored ${m}: the file is not ours: it belongs to uid 65534`);
    expect(c.stdout).toContain('from 0 manifest(s)');
    expect(readFileSync(important, 'utf8')).toBe('precious\n');
    // Named explicitly: refused, exit 2.
    const e = await runCli(['cleanup', '--manifest', m], env());
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`the manifest ${m} cannot be used: it belongs to uid 65534`);
    expect(readFileSync(important, 'utf8')).toBe('precious\n');
  });

  test('a manifest others may write, or a symlink to one, is not ours', () => {
    mkdirSync(state(), { mode: 0o700 });
    const m = join(state(), 'a.json');
    saveManifest(manifestFor(join(root, 'x'), []), m);
    expect(untrustedManifest(m)).toBeUndefined();
    expect(untrustedManifest(m, 1234)).toMatch(/belongs to uid 0, not to us \(uid 1234\)/);
    chmodSync(m, 0o620);
    expect(untrustedManifest(m)).toMatch(/others may write it/);
    chmodSync(m, 0o600);
    symlinkSync(m, join(state(), 'b.json'));
    expect(untrustedManifest(join(state(), 'b.json'))).toBe('it is a symlink');
    const sel = selectRecorded({ RUNNER_TEMP: runnerTemp });
    expect(sel.runs.map((r) => r.path)).toEqual([m]);
    expect(sel.refused).toEqual([
      { path: join(state(), 'b.json'), why: 'the file is not ours: it is a symlink' },
    ]);
  });

  test('what a manifest names is removed only inside its own private directory, ours and 0700', () => {
    const important = victim();
    chmodSync(join(root, 'project'), 0o755);
    // A directory that is not private (0755): nothing in it is touched, not even in a dry run.
    expect(cleanup(manifestFor(join(root, 'project'), [important])).removed).toEqual([]);
    expect(cleanup(manifestFor(join(root, 'project'), [important]), { dryRun: true }).removed).toEqual([]);
    // A private directory of another user: nothing either.
    chmodSync(join(root, 'project'), 0o700);
    const m = manifestFor(join(root, 'project'), [important]);
    expect(cleanup(m, { uid: 1234 }).refused).toEqual([m.dir, important]);
    expect(readFileSync(important, 'utf8')).toBe('precious\n');
    // Our private directory naming a file elsewhere: that file stays.
    const own = privateDir({ RUNNER_TEMP: runnerTemp });
    const r = cleanup(manifestFor(own, [important]));
    expect(r.refused).toEqual([important]);
    expect(existsSync(important)).toBe(true);
  });

  test('cleanup --dry-run without --ephemeral lists the files and removes none', async () => {
    const r = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], env());
    const authFile = `${(JSON.parse(r.stdout) as { variables: Record<string, string> }).variables.DOCKER_CONFIG!}/config.json`;
    const d = await runCli(['cleanup', '--dry-run'], env());
    expect(d.code).toBe(0);
    expect(d.stdout).toContain(`would remove ${authFile}`);
    expect(existsSync(authFile)).toBe(true);
    expect(readdirSync(state())).toHaveLength(1);
    const c = await runCli(['cleanup'], env());
    expect(c.stdout).toContain(`removed ${authFile}`);
    expect(privateDirs()).toEqual([]);
  });

  test('a manifest recorded outside CI is left alone by a CI job, and the other way round', async () => {
    const r = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], env());
    expect(r.code).toBe(0);
    const inJob = await runCli(['cleanup'], { ...env(), CI_JOB_ID: '7', CI_PROJECT_ID: '3' });
    expect(inJob.stderr).toMatch(
      /left alone .*recorded by a run outside CI, not by this job \(GitLab job 7 of project 3/,
    );
    expect(privateDirs()).toHaveLength(1);
    const gh = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], {
      ...env(),
      GITHUB_RUN_ID: '900',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_JOB: 'deploy',
    });
    expect(gh.code).toBe(0);
    const outside = await runCli(['cleanup'], env());
    expect(outside.stderr).toMatch(
      /left alone .*recorded by GitHub run 900 attempt 2 job deploy, not by this job \(outside CI\)/,
    );
    expect(privateDirs()).toHaveLength(1);
    expect((await runCli(['cleanup', '--all'], env())).code).toBe(0);
    expect(privateDirs()).toEqual([]);
    expect(readdirSync(state())).toEqual([]);
  });
});

test('resolve failing after writing (GITHUB_OUTPUT unwritable) removes the files, their directory and the record', async () => {
  writeFileSync(join(root, 'env'), '');
  mkdirSync(join(root, 'output-dir'), { recursive: true });
  const r = await runCli(['resolve', '--export', 'github', '--configure', 'docker'], {
    ...env(),
    GITHUB_ENV: join(root, 'env'),
    // A directory: it exists when checked, and appending to it fails after GITHUB_ENV and the files.
    GITHUB_OUTPUT: join(root, 'output-dir'),
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('removed the 1 credential file(s) this run wrote');
  expect(privateDirs()).toEqual([]);
  expect(readdirSync(state())).toEqual([]);
  expect(readFileSync(join(root, 'env'), 'utf8')).toBe('');
});
