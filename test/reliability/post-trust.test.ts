/**
 * A post step that trusts its state (issue 12, class 4): the action's post step and `cleanup` act
 * only on what this run's main step recorded — paths inside the directory main created in
 * RUNNER_TEMP (real directory, ours, 0700, holding the marker the state records), ephemeral tokens
 * only on the instance the inputs (or the CLI's settings) name, only with the name stamp main
 * generated, and only when GitLab's token of that id has that name. Forged states and records of
 * several kinds are reported and left alone. Through the built dist/.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunDir } from '../../src/app/run-dir.js';
import { MARKER_FILE, saveManifest, type Manifest } from '../../src/credentials/manifest.js';
import type { Scenario } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { place, placeEnv, runDist, type Place } from './dist.js';

const OWNER = 'glpat-ownerOwnerOwner0001';
const NOW = new Date();

function scenario(): Scenario {
  return {
    name: 'post-trust',
    title: 'post trust',
    description: 'ephemeral tokens and a protected gitlab-deploy-token',
    version: '17.5.1-ee',
    apiTokens: [OWNER],
    groups: [{ id: 10, full_path: 'tanuki', parent_id: null }],
    projects: [
      {
        id: 3,
        path_with_namespace: 'tanuki/app',
        namespace_id: 10,
        tokens: [
          {
            id: 11,
            name: 'gitlab-deploy-token',
            expires: '+90d',
            scopes: ['read_registry'],
            token: 'gldt-KeepMeKeepMeKeepMe11',
          },
        ],
      },
    ],
    project: 'tanuki/app',
  };
}

let gitlab: RunningStandin;
let elsewhere: RunningStandin;
const places: Place[] = [];
/** Directories made outside any place (a forged state's target): removed with the places. */
const elsewhereDirs: string[] = [];
const otherDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dt-other-'));
  elsewhereDirs.push(dir);
  return dir;
};
beforeEach(async () => {
  gitlab = await startStandin(scenario());
  elsewhere = await startStandin(scenario());
});
afterEach(async () => {
  await gitlab.close();
  await elsewhere.close();
});
afterAll(() => {
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
  for (const dir of elsewhereDirs) rmSync(dir, { recursive: true, force: true });
});

const tokenIds = (s: RunningStandin) => (s.gitlab.scenario.projects[0]!.tokens ?? []).map((t) => t.id);
const deletes = (s: RunningStandin) => s.gitlab.requests.filter((r) => r.method === 'DELETE');

function fresh(): Place {
  const p = place();
  places.push(p);
  writeFileSync(
    join(p.work, 'deploy-token.yml'),
    'version: 1\njobs:\n  pull:\n    scopes: [read_registry]\n    configure: [docker]\n',
  );
  return p;
}

const inputs = (url: string) => ({
  'INPUT_GITLAB-URL': url,
  'INPUT_GITLAB-TOKEN': OWNER,
  INPUT_PROJECT: 'tanuki/app',
  INPUT_SPEC: 'deploy-token.yml',
  INPUT_JOB: 'pull',
  CI_REGISTRY: 'registry.example.com',
});

/** A directory as main makes it (RunDir), with a file in it, and its manifest. */
function runDirIn(base: string): { m: Manifest; file: string } {
  const run = new RunDir({ RUNNER_TEMP: base });
  const m = run.manifest(NOW);
  const file = join(m.dir, 'config.json');
  writeFileSync(file, 'secret', { mode: 0o600 });
  return { m: { ...m, files: [file] }, file };
}

const ephemeral = (run: Manifest, tokenId: number, gitlabUrl: string, stamp = run.marker!.slice(0, 12)) => ({
  level: 'project' as const,
  id: 3,
  tokenId,
  name: `deploy-token-ephemeral-20261125T100000Z-${stamp}`,
  gitlabUrl,
});

async function post(p: Place, state: Record<string, string>, url = gitlab.url) {
  return runDist('post.js', [], placeEnv(p, { ...inputs(url), GITHUB_WORKSPACE: p.work, ...state }), {
    cwd: p.work,
  });
}

test('genuine: main creates an ephemeral token and files; post deletes exactly those', async () => {
  const p = fresh();
  const env = placeEnv(p, { ...inputs(gitlab.url), INPUT_EPHEMERAL: 'true', GITHUB_WORKSPACE: p.work });
  const main = await runDist('index.js', [], env, { cwd: p.work });
  expect(main.code).toBe(0);
  const made = tokenIds(gitlab).filter((id) => id !== 11);
  expect(made).toHaveLength(1);
  // The runner keeps the last value saved under a name: main saves the manifest again once it lists the files.
  const saved = [...readFileSync(p.ghState, 'utf8').matchAll(/manifest<<(\S+)\n([\s\S]*?)\n\1/g)];
  expect(saved.length).toBe(2);
  const state = saved.at(-1)?.[2];
  const m = JSON.parse(state!) as Manifest;
  expect(existsSync(join(m.dir, MARKER_FILE))).toBe(true);
  const r = await post(p, { STATE_manifest: state! });
  expect(r.stdout).toContain(`ephemeral token #${made[0]} deleted`);
  expect(tokenIds(gitlab)).toEqual([11]);
  expect(existsSync(m.dir)).toBe(false);
});

describe('forged STATE_manifest: nothing touched, a warning says why', () => {
  test.each<[string, (p: Place) => { state: Manifest; keep: string[] }]>([
    [
      'a directory outside RUNNER_TEMP',
      () => {
        const other = otherDir();
        const { m, file } = runDirIn(other);
        return { state: m, keep: [file] };
      },
    ],
    [
      'a symlink in RUNNER_TEMP to a marked directory elsewhere',
      (p) => {
        const other = otherDir();
        const { m, file } = runDirIn(other);
        const link = join(p.runnerTemp, 'deploy-token-LiNkEd');
        symlinkSync(m.dir, link);
        return { state: { ...m, dir: link, files: [join(link, 'config.json')] }, keep: [file] };
      },
    ],
    [
      'a directory others can read (0755)',
      (p) => {
        const { m, file } = runDirIn(p.runnerTemp);
        chmodSync(m.dir, 0o755);
        return { state: m, keep: [file] };
      },
    ],
    [
      'a directory of another user',
      (p) => {
        const { m, file } = runDirIn(p.runnerTemp);
        if (process.getuid?.() === 0) chownSync(m.dir, 4242, 4242);
        else chmodSync(m.dir, 0o711); // cannot give it away: another way it is not ours
        return { state: m, keep: [file] };
      },
    ],
    [
      'the marker missing',
      (p) => {
        const { m, file } = runDirIn(p.runnerTemp);
        unlinkSync(join(m.dir, MARKER_FILE));
        return { state: m, keep: [file] };
      },
    ],
    [
      'another marker than the directory holds',
      (p) => {
        const { m, file } = runDirIn(p.runnerTemp);
        return { state: { ...m, marker: 'f'.repeat(32) }, keep: [file] };
      },
    ],
    [
      'a directory this tool does not name so',
      (p) => {
        const dir = join(p.runnerTemp, 'precious');
        mkdirSync(dir, { mode: 0o700 });
        writeFileSync(join(dir, MARKER_FILE), `${'a'.repeat(32)}\n`, { mode: 0o600 });
        const file = join(dir, 'data');
        writeFileSync(file, 'keep');
        const m: Manifest = {
          version: 1,
          createdAt: NOW.toISOString(),
          dir,
          marker: 'a'.repeat(32),
          files: [file],
          dirs: [],
          variables: [],
        };
        return { state: m, keep: [file] };
      },
    ],
  ])('%s', async (_n, make) => {
    const p = fresh();
    const { state, keep } = make(p);
    const withToken = { ...state, ephemeralTokens: [ephemeral(state, 11, gitlab.url)] };
    const r = await post(p, { STATE_manifest: JSON.stringify(withToken) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::warning::deploy-token: left everything the saved state names alone/);
    for (const f of keep) expect(existsSync(f)).toBe(true);
    expect(deletes(gitlab)).toEqual([]);
    expect(tokenIds(gitlab)).toEqual([11]);
  });

  test('paths outside the directory are refused, those inside removed', async () => {
    const p = fresh();
    const { m, file } = runDirIn(p.runnerTemp);
    const victim = join(p.root, 'victim');
    writeFileSync(victim, 'keep');
    const forged = { ...m, files: [file, victim, join(m.dir, '..', 'gh-env')], dirs: [p.work] };
    const r = await post(p, { STATE_manifest: JSON.stringify(forged) });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(victim)).toBe(true);
    expect(existsSync(p.ghEnv)).toBe(true);
    expect(existsSync(p.work)).toBe(true);
    expect(r.stdout).toContain(`left ${victim} in place`);
  });
});

describe('forged ephemeral tokens in a genuine run directory: not deleted', () => {
  test('a token recorded for another instance: no request goes there', async () => {
    const p = fresh();
    const { m } = runDirIn(p.runnerTemp);
    const r = await post(p, {
      STATE_manifest: JSON.stringify({ ...m, ephemeralTokens: [ephemeral(m, 11, elsewhere.url)] }),
    });
    expect(r.stdout).toMatch(
      /left ephemeral token #11 alone: it was recorded for http:\/\/127\.0\.0\.1:\d+, not for/,
    );
    expect(elsewhere.gitlab.requests).toEqual([]);
    expect(deletes(gitlab)).toEqual([]);
  });

  test("a token id whose name on GitLab is not the stamped one (the project's gitlab-deploy-token)", async () => {
    const p = fresh();
    const { m } = runDirIn(p.runnerTemp);
    const r = await post(p, {
      STATE_manifest: JSON.stringify({ ...m, ephemeralTokens: [ephemeral(m, 11, gitlab.url)] }),
    });
    expect(r.stdout).toMatch(
      /could not delete ephemeral token #11 \(deploy token #11 is named gitlab-deploy-token on GitLab/,
    );
    expect(deletes(gitlab)).toEqual([]);
    expect(tokenIds(gitlab)).toEqual([11]);
  });

  test("a name with another run's stamp, or not an ephemeral name", async () => {
    const p = fresh();
    const { m } = runDirIn(p.runnerTemp);
    const forged = [
      ephemeral(m, 11, gitlab.url, 'abcdef123456'),
      { ...ephemeral(m, 11, gitlab.url), name: 'gitlab-deploy-token' },
      { ...ephemeral(m, 11, gitlab.url), level: 'group' as const },
    ];
    const r = await post(p, { STATE_manifest: JSON.stringify({ ...m, ephemeralTokens: forged }) });
    expect(r.stdout.match(/left ephemeral token #11 alone/g)).toHaveLength(3);
    expect(gitlab.gitlab.requests).toEqual([]);
  });

  test('STATE_ephemeral (not what main saves) is ignored', async () => {
    const p = fresh();
    const r = await post(p, {
      STATE_ephemeral: JSON.stringify([
        { level: 'project', id: 3, tokenId: 11, name: 'gitlab-deploy-token', gitlabUrl: gitlab.url },
      ]),
    });
    expect(r.stdout).toContain('ignored STATE_ephemeral');
    expect(gitlab.gitlab.requests).toEqual([]);
  });
});

describe('`deploy-token cleanup` with forged records in the state directory', () => {
  function record(p: Place, m: Manifest): void {
    const dir = join(p.runnerTemp, `deploy-token-state-${process.getuid?.() ?? 'u'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    saveManifest(m, join(dir, `forged-${Math.random().toString(36).slice(2)}.json`));
  }
  const cleanup = (p: Place, args: string[] = []) =>
    runDist('cli.js', ['cleanup', ...args], placeEnv(p, { GITLAB_TOKEN: OWNER, CI_SERVER_URL: gitlab.url }), {
      cwd: p.work,
    });

  test('a directory outside the temp dir, or without its marker: files left, reason given', async () => {
    const p = fresh();
    const outside = runDirIn(otherDir());
    const unmarked = runDirIn(p.runnerTemp);
    unlinkSync(join(unmarked.m.dir, MARKER_FILE));
    record(p, outside.m);
    record(p, unmarked.m);
    const r = await cleanup(p);
    expect(existsSync(outside.file)).toBe(true);
    expect(existsSync(unmarked.file)).toBe(true);
    expect(r.stderr).toMatch(/is not a directory this tool creates in/);
    expect(r.stderr).toMatch(/does not hold the marker its run wrote/);
  });

  test('tokens: another instance, another name on GitLab, another stamp: none deleted', async () => {
    const p = fresh();
    const { m } = runDirIn(p.runnerTemp);
    record(p, {
      ...m,
      ephemeralTokens: [
        ephemeral(m, 11, elsewhere.url),
        ephemeral(m, 11, gitlab.url),
        ephemeral(m, 11, gitlab.url, '0123456789ab'),
      ],
    });
    const r = await cleanup(p);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/recorded for .*pass --gitlab-url/);
    expect(r.stderr).toMatch(/is named gitlab-deploy-token on GitLab/);
    expect(r.stderr).toMatch(/is not the one this run gave it/);
    expect(elsewhere.gitlab.requests).toEqual([]);
    expect(deletes(gitlab)).toEqual([]);
    expect(tokenIds(gitlab)).toEqual([11]);
  });
});
