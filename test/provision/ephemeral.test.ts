/**
 * Ephemeral tokens end to end against the stand-in GitLab over real HTTP: exec, resolve + cleanup,
 * the action's main and post steps, plan, and the leftover sweep. The stand-in's model is the truth:
 * which tokens exist while and after the job runs.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { RunDir } from '../../src/app/run-dir.js';
import { inRunner, mainStep, runPostAll } from '../helpers/action.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';
import { ephemeralCreatedAt, ephemeralName, EPHEMERAL_PREFIX } from '../../src/provision/ephemeral-name.js';
import { leftoverEphemeral, nextMidnightUtc, parseDuration } from '../../src/provision/ephemeral.js';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { parseGithubFile } from '../export/parsers.js';
import { runCli } from '../helpers/cli.js';
import { dropped } from '../helpers/standin-faults.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const OWNER = 'glpat-ownerOwnerOwner0001';
const DEV = 'glpat-devDevDevDevDev0003';
const GDT: ScenarioToken = {
  id: 11,
  name: 'gitlab-deploy-token',
  expires: '+90d',
  scopes: ['read_repository'],
  token: 'gldt-ProjToken11ProjToken1',
};

function scenario(extra: ScenarioToken[] = []): Scenario {
  return {
    name: 'ephemeral',
    title: 'ephemeral',
    description: 'ephemeral',
    version: '17.5.1-ee',
    apiTokens: [OWNER, DEV],
    apiUsers: [
      { token: OWNER, id: 2, username: 'olivia', scopes: ['api'], access: { tanuki: 50 } },
      { token: DEV, id: 4, username: 'dana', scopes: ['api'], access: { 'tanuki/app': 30 } },
    ],
    groups: [{ id: 10, full_path: 'tanuki', parent_id: null }],
    projects: [
      {
        id: 3,
        path_with_namespace: 'tanuki/app',
        namespace_id: 10,
        tokens: [structuredClone(GDT), ...extra],
      },
    ],
    project: 'tanuki/app',
  };
}

let running: RunningStandin | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-eph-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function spec(job: Record<string, unknown>): string {
  const path = join(dir, 'deploy-token.yml');
  writeFileSync(
    path,
    `version: 1\njobs:\n  pull:\n${Object.entries(job)
      .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
      .join('')}`,
  );
  return path;
}

/** `CMD --spec FILE --job pull --gitlab-url URL --project P`, the start of every job command here. */
function jobArgs(cmd: string, file: string, url: string, project: string): string[] {
  return [cmd, '--spec', file, '--job', 'pull', '--gitlab-url', url, '--project', project];
}

async function serve(sc: Scenario) {
  running = await startStandin(sc, { now: () => NOW });
  return running;
}

const tokens = (sc: Scenario) => sc.projects[0]!.tokens!;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The CLI from src/ as a real process (tsx, plus the hooks that load the *.njk templates as the
 * build does), so signal handling is tested on the code under test, not on the last build.
 */
function spawnCli(args: string[], env: Record<string, string>) {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(ROOT, 'test/action/local-action/njk-hooks.mjs'),
      join(ROOT, 'src/cli.ts'),
      ...args,
    ],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Resolves when the process ends: its exit code (null when a signal killed it) and output. */
function ended(child: ReturnType<typeof spawnCli>) {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 25_000);
      child.on('close', (code, signal) => {
        clearTimeout(kill);
        resolve({ code, signal, stdout, stderr });
      });
    },
  );
}

/** Polls until `cond` holds (every 5 ms, at most 20 s). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 4000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('names, expiry and the leftover rule (pure)', () => {
  test('the name records the creation time, carries the prefix, and is never gitlab-deploy-token', () => {
    const n = ephemeralName(NOW, () => 'AbC-123xyz');
    expect(n).toBe(`${EPHEMERAL_PREFIX}20261125T100000Z-abc123xyz`);
    expect(ephemeralCreatedAt(n)!.toISOString()).toBe(NOW.toISOString());
    expect(ephemeralCreatedAt('gitlab-deploy-token')).toBeUndefined();
    expect(ephemeralCreatedAt(`${EPHEMERAL_PREFIX}2026-11-25-x`)).toBeUndefined();
  });

  test.each(['20260230T000000Z', '20261131T120000Z', '20261125T240000Z', '20261125T235960Z'])(
    'an impossible stamp (%s) is not ours: no creation time, never swept by age',
    (stamp) => {
      const name = `${EPHEMERAL_PREFIX}${stamp}-abcdef`;
      expect(ephemeralCreatedAt(name)).toBeUndefined();
      const t = {
        id: 1,
        name,
        username: 'u1',
        expires_at: '2026-11-26T00:00:00.000Z',
        revoked: false,
        scopes: ['read_registry'],
      };
      // Rolled over, 20260230 would read as 2 March, months old: it must stay (only its expiry counts).
      expect(leftoverEphemeral([t], NOW, 0).young.map((x) => x.id)).toEqual([1]);
    },
  );

  test.each([
    ['2026-11-25T10:00:00Z', '2026-11-26T00:00:00.000Z'],
    ['2026-11-25T00:00:00Z', '2026-11-26T00:00:00.000Z'],
    ['2026-11-25T23:59:59.999Z', '2026-11-26T00:00:00.000Z'],
    ['2026-12-31T12:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2028-02-28T12:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('next midnight UTC after %s is %s', (now, midnight) => {
    expect(nextMidnightUtc(new Date(now)).toISOString()).toBe(midnight);
  });

  test('leftovers: ours and older than the threshold, or no longer active; nothing else is touched', () => {
    const mk = (
      id: number,
      name: string,
      expires_at: string | null = '2026-11-26T00:00:00.000Z',
      revoked = false,
    ) => ({ id, name, username: `u${id}`, expires_at, revoked, scopes: ['read_registry'] });
    const list = [
      mk(1, 'gitlab-deploy-token', null),
      mk(2, `${EPHEMERAL_PREFIX}20261125T030000Z-aaaaaa`), // 7 h old
      mk(3, `${EPHEMERAL_PREFIX}20261125T090000Z-bbbbbb`), // 1 h old
      mk(4, `${EPHEMERAL_PREFIX}20261124T090000Z-cccccc`, '2026-11-25T00:00:00.000Z'), // expired
      mk(5, `${EPHEMERAL_PREFIX}20261125T095959Z-dddddd`, '2026-11-26T00:00:00.000Z', true), // revoked
      mk(6, 'deploy-token-ephemeral-by-hand'), // our prefix, no time: only when inactive
      mk(7, 'my-ephemeral-thing'),
    ];
    const r = leftoverEphemeral(list, NOW, parseDuration('6h', '--x'));
    expect(r.leftovers.map((t) => t.id)).toEqual([2, 4, 5]);
    expect(r.young.map((t) => t.id)).toEqual([3, 6]);
    expect(leftoverEphemeral(list, NOW, 0).leftovers.map((t) => t.id)).toEqual([2, 3, 4, 5]);
  });

  test.each([
    ['90m', 5_400_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['0', 0],
    ['30s', 30_000],
  ])('duration %s', (raw, ms) => {
    expect(parseDuration(raw, '--older-than')).toBe(ms);
  });
  test.each(['', '6 hours', '-1h', '1.5h', '6H', '9999999h'])('bad duration %j is refused', (raw) => {
    expect(() => parseDuration(raw, '--older-than')).toThrow(/--older-than must be a duration/);
  });
});

describe('exec with an ephemeral job', () => {
  test('creates a token with just the job scopes for the command, masks it, deletes it at the end', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry', 'read_package_registry'], ephemeral: true });
    const seen = join(dir, 'seen');
    const r = await runCli(
      [
        ...jobArgs('exec', file, s.url, 'tanuki/app'),
        '--',
        'sh',
        '-c',
        `printf '%s %s' "$CI_DEPLOY_USER" "$CI_DEPLOY_PASSWORD" > ${seen}; echo "pw=$CI_DEPLOY_PASSWORD"; exit 0`,
      ],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH, RUNNER_TEMP: dir },
      { now: NOW },
    );
    expect(r.code).toBe(0);
    const [user, pass] = readFileSync(seen, 'utf8').split(' ');
    // Created on the project, named ours, expiring at the next midnight, with the job's scopes.
    const created = s.gitlab.requests.find((q) => q.method === 'POST')!;
    const body = JSON.parse(created.body!) as { name: string; scopes: string[]; expires_at: string };
    expect(created.url).toBe('/api/v4/projects/3/deploy_tokens');
    expect(body.name.startsWith(EPHEMERAL_PREFIX)).toBe(true);
    expect(body.scopes).toEqual(['read_registry', 'read_package_registry']);
    expect(body.expires_at).toBe('2026-11-26');
    expect(user).toMatch(/^gitlab\+deploy-token-\d+$/);
    expect(pass).toMatch(/^gldt-/);
    expect(pass).not.toBe(GDT.token);
    expect(r.stdout).toContain('pw=[MASKED]');
    expect(r.stdout + r.stderr).not.toContain(pass!);
    // Gone afterwards; gitlab-deploy-token untouched.
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    expect(r.stderr).toMatch(/ephemeral token #\d+ deleted/);
  });

  test("deleted also when the command fails; the exit code is the command's", async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'sh', '-c', 'exit 7'],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH, RUNNER_TEMP: dir },
      { now: NOW },
    );
    expect(r.code).toBe(7);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('a command that cannot start: still deleted', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      [...jobArgs('exec', file, s.url, '3'), '--', '/nonexistent/cmd'],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH, RUNNER_TEMP: dir },
      { now: NOW },
    );
    expect(r.code).not.toBe(0);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('GitLab creates it but the answer is lost: found by its name and deleted, exit 3', async () => {
    const sc = scenario();
    running = await startStandin(sc, {
      now: () => NOW,
      intercept: (req, next) => {
        const a = next();
        return req.method === 'POST' ? dropped() : a;
      },
    });
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      [...jobArgs('exec', file, running.url, '3'), '--', 'true'],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH },
      { now: NOW },
    );
    expect(r.code).toBe(3);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    expect(running.gitlab.requests.filter((q) => q.method === 'DELETE').length).toBe(1);
  });

  test('SIGTERM to a real deploy-token process: the command stops and the token is deleted', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const child = spawnCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'sh', '-c', 'echo started; sleep 30'],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
    );
    let during = false;
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('started')) {
        during = tokens(sc).some((t) => t.name.startsWith(EPHEMERAL_PREFIX));
        child.kill('SIGTERM');
      }
    });
    const r = await ended(child);
    expect(during).toBe(true);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ephemeral token #\d+ deleted/);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  }, 30_000);

  test('SIGTERM while the token is being created: exec waits for the answer, deletes the token, exits 143; a second signal does not cut the delete short', async () => {
    const sc = scenario();
    // Every answer takes 300 ms: the signals land while the POST, then the DELETE, are in flight.
    running = await startStandin(sc, { now: () => NOW, latencyMs: 300 });
    const s = running;
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const child = spawnCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'sh', '-c', 'echo started; sleep 30'],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
    );
    const done = ended(child);
    const sent = (method: string) => s.gitlab.requests.some((q) => q.method === method);
    await until(() => sent('POST'));
    child.kill('SIGTERM');
    await until(() => sent('DELETE'));
    child.kill('SIGTERM');
    const r = await done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(143);
    expect(r.stdout).not.toContain('started'); // the command never ran
    expect(r.stderr).toContain('stopped by SIGTERM before the command started');
    expect(r.stderr).toMatch(/ephemeral token #\d+ deleted/);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  }, 30_000);

  test('a signal to an exec that creates nothing stops at once: no retries, no further lookups against a hung GitLab', async () => {
    const sc = scenario();
    // GitLab takes 15 s to answer anything: without the fix exec would wait for it and retry.
    running = await startStandin(sc, { now: () => NOW, latencyMs: 15_000 });
    const s = running;
    const file = spec({ scopes: ['read_registry'] }); // not ephemeral
    const child = spawnCli([...jobArgs('exec', file, s.url, '3'), '--', 'sh', '-c', 'echo started'], {
      GITLAB_TOKEN: OWNER,
      RUNNER_TEMP: dir,
    });
    const done = ended(child);
    await until(() => s.gitlab.requests.length > 0);
    const first = Date.now();
    child.kill('SIGINT');
    const r = await done;
    const atExit = s.gitlab.requests.length;
    expect(r.code).toBe(130);
    // It did not wait for GitLab: it ended before GitLab answered its first request.
    expect(Date.now() - first).toBeLessThan(15_000);
    expect(r.stdout).not.toContain('started');
    expect(r.stderr).toContain('stopped by SIGINT before the command started');
    expect(r.stderr).not.toContain('ephemeral token request');
    // No retries (no request twice), nothing created, nothing sent once it was gone.
    const urls = s.gitlab.requests.map((q) => `${q.method} ${q.url}`);
    expect(new Set(urls).size).toBe(urls.length);
    expect(s.gitlab.requests.some((q) => q.method === 'POST')).toBe(false);
    await new Promise((res) => setTimeout(res, 200));
    expect(s.gitlab.requests.length).toBe(atExit);
  }, 30_000);

  test('SIGHUP while the command runs (the terminal or runner went away): forwarded, the token is deleted, exit 129', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const child = spawnCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'sh', '-c', 'echo started; exec sleep 30'],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
    );
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('started')) child.kill('SIGHUP');
    });
    const r = await ended(child);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(129);
    expect(r.stderr).toMatch(/ephemeral token #\d+ deleted/);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  }, 30_000);

  test("a Developer cannot create one: GitLab's 403 is a no (exit 1, as plan says), naming what is missing; nothing is left", async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    for (const argv of [
      [...jobArgs('exec', file, s.url, '3'), '--', 'true'],
      [...jobArgs('resolve', file, s.url, '3'), '--export', 'json'],
    ]) {
      const r = await runCli(
        argv,
        { GITLAB_TOKEN: DEV, PATH: process.env.PATH, RUNNER_TEMP: dir },
        { now: NOW },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('GitLab refused to create the ephemeral token on tanuki/app (HTTP 403)');
      expect(r.stderr).toMatch(/dana is Developer on tanuki\/app.*needs Maintainer or Owner/);
      expect(r.stderr).toMatch(/hint: .*api scope.*Maintainer/);
      expect(r.stdout).toBe('');
    }
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    expect(s.gitlab.requests.filter((q) => q.method === 'DELETE')).toEqual([]);
  });

  test('a job starting a minute before midnight is warned in the singular', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'true'],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH, RUNNER_TEMP: dir },
      { now: new Date('2026-11-25T23:59:10Z') },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(00:00 UTC), in 1 minute: a longer job loses access then');
  });

  test('a job without scopes: exit 2 before anything is created', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ ephemeral: true });
    const r = await runCli(
      [...jobArgs('exec', file, s.url, '3'), '--', 'true'],
      { GITLAB_TOKEN: OWNER, PATH: process.env.PATH },
      { now: NOW },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ephemeral job "pull" declares no scopes.*\[ephemeral-job\]/);
    expect(s.gitlab.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });
});

describe('resolve + cleanup, plan', () => {
  test('resolve exports the ephemeral token and records it; cleanup deletes it; a second cleanup finds nothing', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const env = { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir };
    const r = await runCli([...jobArgs('resolve', file, s.url, '3'), '--export', 'json'], env, { now: NOW });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { username: string; password: string };
    const made = tokens(sc).find((t) => t.name.startsWith(EPHEMERAL_PREFIX))!;
    expect(out.password).toBe(made.token);
    expect(r.stderr).toContain('deploy-token cleanup');
    const c = await runCli(['cleanup'], { ...env, CI_SERVER_URL: s.url }, { now: NOW });
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`deleted ephemeral token #${made.id}`);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    const again = await runCli(['cleanup'], { ...env, CI_SERVER_URL: s.url }, { now: NOW });
    expect(again.stdout).not.toContain('ephemeral token');
    expect(again.stdout).toContain('from 0 manifest(s)');
  });

  test('cleanup without an API token keeps the record (exit 2) so a later run can delete it', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    await runCli(
      [...jobArgs('resolve', file, s.url, '3'), '--export', 'json'],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
      { now: NOW },
    );
    const c = await runCli(['cleanup'], { RUNNER_TEMP: dir, CI_SERVER_URL: s.url }, { now: NOW });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('GITLAB_TOKEN');
    expect(tokens(sc).length).toBe(2);
    const later = await runCli(
      ['cleanup', '--gitlab-url', s.url],
      { RUNNER_TEMP: dir, GITLAB_TOKEN: OWNER },
      { now: NOW },
    );
    expect(later.code).toBe(0);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('a recorded token on another instance, or a manifest that is not ours: the API token is not sent', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const other = await startStandin(scenario(), { now: () => NOW });
    try {
      const file = spec({ scopes: ['read_registry'], ephemeral: true });
      await runCli(
        [...jobArgs('resolve', file, other.url, '3'), '--export', 'json'],
        { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
        { now: NOW },
      );
      const sent = other.gitlab.requests.length;
      // The user's instance is s; the manifest names `other`: nothing is sent anywhere for it.
      const c = await runCli(
        ['cleanup'],
        { RUNNER_TEMP: dir, GITLAB_TOKEN: OWNER, CI_SERVER_URL: s.url },
        { now: NOW },
      );
      expect(c.code).toBe(2);
      expect(c.stderr).toContain(`pass --gitlab-url ${other.url}`);
      expect(other.gitlab.requests.length).toBe(sent);
      expect(s.gitlab.requests.length).toBe(0);
      // A manifest others can write is ignored for tokens.
      const state = join(dir, `deploy-token-state-${process.getuid?.() ?? 'u'}`);
      for (const f of readdirSync(state)) chmodSync(join(state, f), 0o666);
      const d = await runCli(
        ['cleanup', '--gitlab-url', other.url],
        { RUNNER_TEMP: dir, GITLAB_TOKEN: OWNER },
        { now: NOW },
      );
      expect(d.stderr).toContain('the file is not ours');
      expect(other.gitlab.requests.length).toBe(sent);
      for (const f of readdirSync(state)) chmodSync(join(state, f), 0o600);
      const e = await runCli(
        ['cleanup', '--gitlab-url', other.url],
        { RUNNER_TEMP: dir, GITLAB_TOKEN: OWNER },
        { now: NOW },
      );
      expect(e.code).toBe(0);
      expect(other.gitlab.scenario.projects[0]!.tokens!.map((t) => t.id)).toEqual([11]);
    } finally {
      await other.close();
    }
  });

  test('concurrent jobs sharing a temp dir: cleanup in one leaves the other job\'s token and files ("left alone"); --all takes both', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true, configure: ['docker'] });
    // A GitLab shell runner: two jobs of one user, one temp dir, each with its own CI_JOB_ID.
    const job = (id: string) => ({
      GITLAB_TOKEN: OWNER,
      RUNNER_TEMP: dir,
      HOME: dir,
      CI_SERVER_URL: s.url,
      CI_PROJECT_ID: '3',
      CI_JOB_ID: id,
    });
    const run = async (id: string) => {
      const r = await runCli([...jobArgs('resolve', file, s.url, '3'), '--export', 'json'], job(id), {
        now: NOW,
      });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { variables: Record<string, string> };
      return { file: out.variables.DOCKER_CONFIG!, id: tokens(sc).at(-1)!.id };
    };
    const a = await run('101');
    const b = await run('102');
    expect(existsSync(a.file) && existsSync(b.file)).toBe(true);

    const c = await runCli(['cleanup'], job('101'), { now: NOW });
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`deleted ephemeral token #${a.id}`);
    expect(c.stdout).not.toContain(`#${b.id}`);
    expect(c.stderr).toMatch(
      /left alone .*: recorded by GitLab job 102 of project 3 on .*not by this job \(GitLab job 101/,
    );
    expect(c.stderr).toContain('deploy-token cleanup --all');
    expect(existsSync(a.file)).toBe(false);
    expect(existsSync(b.file)).toBe(true);
    expect(tokens(sc).map((t) => t.id)).toEqual([11, b.id]);

    // Outside that job (a crashed runner's leftovers): only --all takes them.
    const none = await runCli(['cleanup'], { ...job('103') }, { now: NOW });
    expect(none.stderr).toContain('left alone');
    expect(tokens(sc).map((t) => t.id)).toEqual([11, b.id]);
    const all = await runCli(['cleanup', '--all'], job('103'), { now: NOW });
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`deleted ephemeral token #${b.id}`);
    expect(existsSync(b.file)).toBe(false);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('cleanup --ephemeral --dry-run deletes no recorded token and removes no file: it lists them', async () => {
    const sc = scenario([
      {
        id: 20,
        name: `${EPHEMERAL_PREFIX}20261125T010000Z-abcdef`,
        expires: '+1d',
        scopes: ['read_registry'],
        token: 'gldt-Leftover20Leftover20x',
      },
    ]);
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true, configure: ['docker'] });
    const env = { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir, HOME: dir, CI_SERVER_URL: s.url };
    const r = await runCli([...jobArgs('resolve', file, s.url, '3'), '--export', 'json'], env, { now: NOW });
    const docker = (JSON.parse(r.stdout) as { variables: Record<string, string> }).variables.DOCKER_CONFIG!;
    const made = tokens(sc).at(-1)!;
    const before = s.gitlab.requests.length;
    for (const argv of [
      ['cleanup', '--dry-run'],
      ['cleanup', '--ephemeral', '--dry-run', '--project', '3'],
    ]) {
      const d = await runCli(argv, env, { now: NOW });
      expect(d.code).toBe(0);
      expect(d.stdout).toContain(`would delete ephemeral token #${made.id}`);
      expect(d.stdout).toContain(`would remove ${join(docker, 'config.json')}`);
      expect(d.stdout).toContain('cleanup --dry-run: 3 would be removed');
    }
    // A dry run asks GitLab nothing about recorded tokens, so it needs no API token.
    const { GITLAB_TOKEN: _unused, ...noToken } = env;
    const n = await runCli(['cleanup', '--dry-run'], noToken, { now: NOW });
    expect({ code: n.code, stderr: n.stderr }).toEqual({
      code: 0,
      stderr: expect.not.stringContaining('API token'),
    });
    expect(n.stdout).toContain(`would delete ephemeral token #${made.id}`);
    expect(s.gitlab.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
    expect(tokens(sc).map((t) => t.id)).toEqual([11, 20, made.id]);
    expect(existsSync(join(docker, 'config.json'))).toBe(true);
    // The real run then does what the dry run listed.
    const c = await runCli(['cleanup'], env, { now: NOW });
    expect(c.stdout).toContain(`deleted ephemeral token #${made.id}`);
    expect(existsSync(docker)).toBe(false);
  });

  test('resolve failing after writing (GITHUB_OUTPUT unwritable) deletes the token and removes its files and record', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true, configure: ['docker'] });
    writeFileSync(join(dir, 'env'), '');
    // `--export github` speaks the runner's protocol on the process's stdout (@actions/core): kept here.
    let runner = '';
    const r = await inRunner({ ...process.env }, { write: (t) => void (runner += t) }, () =>
      runCli(
        [...jobArgs('resolve', file, s.url, '3'), '--export', 'github'],
        {
          GITLAB_TOKEN: OWNER,
          RUNNER_TEMP: dir,
          HOME: dir,
          GITHUB_ENV: join(dir, 'env'),
          GITHUB_OUTPUT: dir, // a directory: appending to it fails after GITHUB_ENV and the files were written
        },
        { now: NOW },
      ),
    );
    expect(r.code).toBe(2);
    expect(runner).toMatch(/^::add-mask::gldt-/m); // the new token was masked before anything was written
    expect(r.stderr).toContain('removed the 1 credential file(s) this run wrote');
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    const state = join(dir, `deploy-token-state-${process.getuid?.() ?? 'u'}`);
    expect(
      readdirSync(dir).filter(
        (f) => f.startsWith('deploy-token-') && f !== `deploy-token-state-${process.getuid?.() ?? 'u'}`,
      ),
    ).toEqual([]);
    expect(existsSync(state) ? readdirSync(state) : []).toEqual([]);
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
  });

  test('resolve that fails after creating (no GITHUB_ENV to export to) deletes the token again', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await inRunner({ ...process.env }, { write: () => undefined }, () =>
      runCli(
        [...jobArgs('resolve', file, s.url, '3'), '--export', 'github'],
        { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
        { now: NOW },
      ),
    );
    expect(r.code).toBe(2);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    // It did get as far as creating one (the deletion is what is tested here).
    expect(s.gitlab.requests.map((q) => q.method)).toEqual(expect.arrayContaining(['POST', 'DELETE']));
  });

  test('an ephemeral job cannot go into a dotenv report (later jobs would get a dead token): exit 2, nothing created', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      [
        ...jobArgs('resolve', file, s.url, '3'),
        '--export',
        'dotenv',
        '--output',
        join(dir, 'x.env'),
        '--allow-unmasked-dotenv',
      ],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
      { now: NOW },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is ephemeral');
    expect(s.gitlab.requests.length).toBe(0);
  });

  test('plan creates nothing and says what would be created; for a Developer it says no (exit 1)', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'], ephemeral: true });
    const r = await runCli(
      ['plan', '--spec', file, '--job', 'pull', '--gitlab-url', s.url, '--project', '3'],
      { GITLAB_TOKEN: OWNER },
      { now: NOW },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'would be created with scopes read_registry, expiring 2026-11-26T00:00:00.000Z',
    );
    const dev = await runCli(
      ['plan', '--spec', file, '--job', 'pull', '--gitlab-url', s.url, '--project', '3'],
      { GITLAB_TOKEN: DEV },
      { now: NOW },
    );
    expect(dev.code).toBe(1);
    expect(dev.stdout).toMatch(/Developer on tanuki\/app/);
    expect(s.gitlab.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });
});

describe('cleanup --ephemeral: leftovers by prefix and age', () => {
  const old = (id: number, at: string, expires = '+1d'): ScenarioToken => ({
    id,
    name: `${EPHEMERAL_PREFIX}${at}-abcdef`,
    expires,
    scopes: ['read_registry'],
    token: `gldt-Leftover${id}Leftover${id}x`,
  });
  const leftovers = () => [
    old(20, '20261125T010000Z'),
    old(21, '20261125T093000Z'),
    old(22, '20261123T120000Z', '-1d'),
  ];

  test('deletes the old and the dead, keeps the young and every other token', async () => {
    const sc = scenario(leftovers());
    const s = await serve(sc);
    const r = await runCli(
      ['cleanup', '--ephemeral', '--project', 'tanuki/app', '--gitlab-url', s.url],
      { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
      { now: NOW },
    );
    expect(r.code).toBe(0);
    expect(
      tokens(sc)
        .map((t) => t.id)
        .sort(),
    ).toEqual([11, 21]);
    expect(r.stdout).toContain('kept ephemeral token #21');
    expect(r.stdout).toContain('2 deleted, 1 kept, 0 failed on tanuki/app');
  });

  test('--dry-run deletes nothing; --older-than 0 takes the young one too', async () => {
    const sc = scenario(leftovers());
    const s = await serve(sc);
    const env = { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir };
    const dry = await runCli(
      ['cleanup', '--ephemeral', '--dry-run', '--project', '3', '--gitlab-url', s.url],
      env,
      { now: NOW },
    );
    expect(dry.stdout).toContain('would delete leftover ephemeral token #20');
    expect(tokens(sc).length).toBe(4);
    await runCli(
      ['cleanup', '--ephemeral', '--older-than', '0', '--project', '3', '--gitlab-url', s.url],
      env,
      { now: NOW },
    );
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('bad flags exit 2 and touch nothing', async () => {
    const sc = scenario(leftovers());
    const s = await serve(sc);
    for (const argv of [
      ['--ephemeral', '--older-than', 'soon', '--project', '3'],
      ['--ephemeral'],
      ['--older-than', '1h'],
    ]) {
      const r = await runCli(
        ['cleanup', ...argv, '--gitlab-url', s.url],
        { GITLAB_TOKEN: OWNER, RUNNER_TEMP: dir },
        { now: NOW },
      );
      expect(r.code).toBe(2);
    }
    expect(tokens(sc).length).toBe(4);
  });
});

describe('the action: ephemeral input', () => {
  function stepEnv(url: string, inputs: Record<string, string>): Record<string, string> {
    emptyRunnerFiles(dir);
    return runnerEnv(dir, { 'gitlab-url': url, 'gitlab-token': OWNER, project: 'tanuki/app', ...inputs });
  }

  /** The action's main step in-process: its exit code and what it wrote to stdout. */
  const action = (env: Record<string, string>) => mainStep(env, dir, () => NOW);

  test('main creates and exports it (masked first), post deletes it', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'] });
    const env = stepEnv(s.url, { ephemeral: 'true', spec: file, job: 'pull' });
    const { code, out } = await action(env);
    expect(code).toBe(0);
    const made = tokens(sc).find((t) => t.name.startsWith(EPHEMERAL_PREFIX))!;
    const exported = parseGithubFile(readFileSync(env.GITHUB_ENV!, 'utf8'));
    expect(exported.CI_DEPLOY_PASSWORD).toBe(made.token);
    expect(out.indexOf(`::add-mask::${made.token}`)).toBeGreaterThanOrEqual(0);
    expect(out.replace(`::add-mask::${made.token}`, '')).not.toContain(made.token);
    const state = parseGithubFile(readFileSync(env.GITHUB_STATE!, 'utf8'));
    let post = '';
    const pcode = await runPostAll(
      { ...env, STATE_manifest: state.manifest! },
      { write: (t) => void (post += t) },
    );
    expect(pcode).toBe(0);
    expect(post).toContain(`ephemeral token #${made.id} deleted`);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
  });

  test('main failing after creation deletes it itself; post then finds it gone', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'] });
    const env = stepEnv(s.url, { ephemeral: 'true', spec: file, job: 'pull' });
    delete env.GITHUB_OUTPUT; // exporting fails
    const { code } = await action(env);
    expect(code).toBe(2);
    expect(tokens(sc).map((t) => t.id)).toEqual([11]);
    const state = parseGithubFile(readFileSync(env.GITHUB_STATE!, 'utf8'));
    let post = '';
    await runPostAll({ ...env, STATE_manifest: state.manifest! }, { write: (t) => void (post += t) });
    expect(post).toContain('was already gone');
  });

  test('post with GitLab unreachable warns and never fails the job', async () => {
    let post = '';
    // A run directory with its marker, as main makes it; the token's name carries the marker's stamp.
    const run = new RunDir({ RUNNER_TEMP: dir });
    const rec = JSON.stringify({
      ...run.manifest(NOW),
      ephemeralTokens: [
        {
          level: 'project',
          id: 3,
          tokenId: 99,
          name: `${EPHEMERAL_PREFIX}20261125T100000Z-${run.stamp()}`,
          gitlabUrl: 'http://127.0.0.1:9',
        },
      ],
    });
    const code = await runPostAll(
      {
        STATE_manifest: rec,
        RUNNER_TEMP: dir,
        'INPUT_GITLAB-URL': 'http://127.0.0.1:9',
        'INPUT_GITLAB-TOKEN': OWNER,
      },
      { write: (t) => void (post += t) },
      { sleep: async () => undefined },
    );
    expect(code).toBe(0);
    expect(post).toMatch(
      /::warning::deploy-token: could not delete ephemeral token #99 .*cleanup --ephemeral/,
    );
    expect(post.replace(`::add-mask::${OWNER}\n`, '')).not.toContain(OWNER.slice(6));
  });

  test('dry-run with ephemeral: the plan says what would be created, nothing is created or exported', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ scopes: ['read_registry'] });
    const env = stepEnv(s.url, { ephemeral: 'true', spec: file, job: 'pull', 'dry-run': 'true' });
    const { code, out } = await action(env);
    expect(code).toBe(0);
    expect(out).toContain('would be created with scopes read_registry');
    expect(s.gitlab.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(readFileSync(env.GITHUB_ENV!, 'utf8')).toBe('');
    expect(readFileSync(env.GITHUB_STATE!, 'utf8')).toBe('');
  });

  test('ephemeral for a job without scopes: the dry run refuses it as the real run does (exit 2), before any request', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const file = spec({ run: ['true'] });
    for (const dry of ['true', 'false']) {
      const env = stepEnv(s.url, { ephemeral: 'true', spec: file, job: 'pull', 'dry-run': dry });
      const { code, out } = await action(env);
      expect([dry, code]).toEqual([dry, 2]);
      expect(out).toContain("an ephemeral token needs the job's scopes, and the job lists none");
    }
    expect(s.gitlab.requests).toEqual([]);
  });

  test('ephemeral without a job: a clear error, nothing created', async () => {
    const sc = scenario();
    const s = await serve(sc);
    const env = stepEnv(s.url, { ephemeral: 'true' });
    const { code, out } = await action(env);
    expect(code).toBe(2);
    expect(out).toContain('takes its scopes from a job');
    expect(s.gitlab.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });
});
