/**
 * Credential files after SIGKILL (issue 12, class 9): exec records its files (with its process id)
 * before writing them, so after a real `kill -9` of the built CLI — nothing of it runs again — the
 * password left in RUNNER_TEMP is found and removed by `deploy-token cleanup`. While exec still runs,
 * cleanup leaves its files alone (they are in use).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../helpers/scenarios.js';
import { standinPerFile } from '../helpers/standin.js';
import { filesUnder, place, placeEnv, runDist, type Place } from './dist.js';

const PASSWORD = 'gldt-ProjToken11ProjToken1';
const USER = 'gitlab+deploy-token-11';
const AUTH = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

let p: Place;
const gitlab = standinPerFile(loadScenario('1-project-token.json'));
afterAll(() => {
  rmSync(p.root, { recursive: true, force: true });
});

/** The files under RUNNER_TEMP that hold the password or docker's auth for it. */
const holding = () =>
  filesUnder(p.runnerTemp).filter((f) => {
    const t = readFileSync(f, 'utf8');
    return t.includes(PASSWORD) || t.includes(AUTH);
  });

test('kill -9 of exec while its command runs: cleanup finds and removes what it left', async () => {
  p = place();
  writeFileSync(
    join(p.work, 'deploy-token.yml'),
    [
      'version: 1',
      'jobs:',
      '  build:',
      '    scopes: [read_registry]',
      '    configure: [docker]',
      '    files:',
      '      - path: netrc',
      '        template: "machine {{ gitlab_host }} login {{ username }} password {{ password }}"',
      '        env: NETRC',
      '',
    ].join('\n'),
  );
  const env = placeEnv(p, {
    GITLAB_TOKEN: 'glpat-demoDemoDemoDemo1234',
    CI_SERVER_URL: gitlab.url,
    CI_PROJECT_PATH: 'tanuki/awesome_project',
    CI_REGISTRY: 'registry.example.com',
    CI_DEPLOY_USER: USER,
    CI_DEPLOY_PASSWORD: PASSWORD,
  });
  // Its own process group, so the kill takes the command (sleep) too, as a runner killing a job does.
  const child = spawn(
    process.execPath,
    [
      join(process.cwd(), 'dist/cli.js'),
      'exec',
      '--job',
      'build',
      '--',
      'sh',
      '-c',
      'echo READY; exec sleep 60',
    ],
    {
      cwd: p.work,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const closed = new Promise<NodeJS.Signals | null>((r) => child.on('close', (_c, sig) => r(sig)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('exec never started its command')), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('READY')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  expect(holding().length).toBe(2); // netrc and docker/config.json

  // While it runs, cleanup leaves its files alone.
  const during = await runDist('cli.js', ['cleanup'], env, { cwd: p.work });
  expect(during.code).toBe(0);
  expect(during.stderr).toMatch(new RegExp(`its run \\(process ${child.pid}\\) is still going`));
  expect(holding().length).toBe(2);

  process.kill(-child.pid!, 'SIGKILL');
  expect(await closed).toBe('SIGKILL');
  // Nothing ran after the kill: the password is still there, listed in the record.
  expect(holding().length).toBe(2);
  const state = join(p.runnerTemp, `deploy-token-state-${process.getuid?.() ?? 'u'}`);
  expect(readdirSync(state).filter((f) => f.endsWith('.json'))).toHaveLength(1);

  const after = await runDist('cli.js', ['cleanup'], env, { cwd: p.work });
  expect(after.code).toBe(0);
  expect(after.stdout).toMatch(/cleanup: [3-9] removed, 0 already gone, 0 left, from 1 manifest/);
  expect(holding()).toEqual([]);
  expect(
    readdirSync(p.runnerTemp).filter(
      (f) => f.startsWith('deploy-token-') && !f.startsWith('deploy-token-state'),
    ),
  ).toEqual([]);
  expect(readdirSync(state)).toEqual([]);
});
