/**
 * Names that steer the runner or the shell (issue 12, class 3): a spec that exports one (as a
 * variable, or as a credential file's env:) is refused with the reason, for every export target —
 * GITHUB_ENV, shell, dotenv, json, exec's child, the action — with nothing written, exported or run;
 * `validate` reports each as an error. Every name through every target in this process, from src/
 * (in-process.ts: the code dist/ bundles, its output and the runner's files read back the same way);
 * every target through the built dist/ in its own process with a variable and a file's env:.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../helpers/scenarios.js';
import { standinPerFile } from '../helpers/standin.js';
import { place, placeEnv, runDist, type Place } from './dist.js';
import { runInProcess } from './in-process.js';

const NAMES = [
  'NODE_OPTIONS',
  'LD_PRELOAD',
  'github_env',
  'STATE_manifest',
  'https_proxy',
  'GIT_CONFIG_COUNT',
  'BASH_ENV',
  'PATH',
  'INPUT_GITLAB_TOKEN',
  'RUNNER_TEMP',
];

const places: Place[] = [];
const standin = standinPerFile(loadScenario('1-project-token.json'));
afterAll(() => {
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
});

function specWith(p: Place, job: string): void {
  writeFileSync(
    join(p.work, 'deploy-token.yml'),
    `version: 1\njobs:\n  build:\n    scopes: [read_registry]\n${job}`,
  );
}

const asVariable = (name: string) => `    variables:\n      ${name}: "{{ gitlab_url }}"\n`;
const asFileEnv = (name: string) =>
  `    files:\n      - path: netrc\n        template: "machine {{ gitlab_host }} login {{ username }} password {{ password }}"\n        env: ${name}\n`;

type Entry = 'cli.js' | 'index.js';
/** Through the built dist/ (a process), or in this process. */
type How = 'dist' | 'in-process';

async function run(
  args: string[],
  job: string,
  extra: Record<string, string> = {},
  entry: Entry = 'cli.js',
  how: How = 'dist',
) {
  const p = place();
  places.push(p);
  specWith(p, job);
  // In this process the working directory is jest's: a relative --output names the place's file.
  const argv = how === 'dist' ? args : args.map((a) => (a === 'deploy.env' ? join(p.work, a) : a));
  const r = await (how === 'dist' ? runDist : runInProcess)(
    entry,
    argv,
    placeEnv(p, {
      GITLAB_TOKEN: 'glpat-demoDemoDemoDemo1234',
      CI_SERVER_URL: standin.url,
      CI_PROJECT_PATH: 'tanuki/awesome_project',
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: 'gldt-ProjToken11ProjToken1',
      ...extra,
    }),
    { cwd: p.work },
  );
  // Nothing written anywhere: no export, no credential file, no record, no dotenv report.
  const written = {
    env: readFileSync(p.ghEnv, 'utf8'),
    out: readFileSync(p.ghOut, 'utf8'),
    state: readFileSync(p.ghState, 'utf8'),
    runnerTemp: readdirSync(p.runnerTemp).filter((f) => !f.startsWith('deploy-token-state-')),
    work: readdirSync(p.work).filter((f) => f !== 'deploy-token.yml'),
  };
  return { ...r, written };
}

const nothing = { env: '', out: '', state: '', runnerTemp: [], work: [] };

const TARGETS: [string, string[], Record<string, string>?, ('cli.js' | 'index.js')?][] = [
  ['resolve --export github', ['resolve', '--export', 'github', '--job', 'build']],
  ['resolve --export shell', ['resolve', '--export', 'shell', '--job', 'build']],
  ['resolve --export json', ['resolve', '--export', 'json', '--job', 'build']],
  [
    'resolve --export dotenv',
    ['resolve', '--export', 'dotenv', '--output', 'deploy.env', '--allow-unmasked-dotenv', '--job', 'build'],
  ],
  ['exec', ['exec', '--job', 'build', '--', 'sh', '-c', 'echo RAN; touch ran']],
  [
    'the action',
    [],
    {
      'INPUT_GITLAB-URL': '',
      'INPUT_GITLAB-TOKEN': 'glpat-demoDemoDemoDemo1234',
      INPUT_SPEC: 'deploy-token.yml',
      INPUT_JOB: 'build',
    },
    'index.js',
  ],
];

const VARIABLE_NAMES = NAMES.map((n) => ['in-process', n] as [How, string]);
const FILE_ENV_NAMES = ['LD_PRELOAD', 'node_options', 'GIT_SSH_COMMAND', 'ACTIONS_RUNTIME_TOKEN'].map(
  (n) => ['in-process', n] as [How, string],
);
// The built dist/ in its own process: one name of each kind per target.
VARIABLE_NAMES.push(['dist', 'NODE_OPTIONS']);
FILE_ENV_NAMES.push(['dist', 'LD_PRELOAD']);

describe.each(TARGETS)('%s', (_t, args, extra = {}, entry = 'cli.js') => {
  const env = () => ({ ...extra, ...(entry === 'index.js' ? { 'INPUT_GITLAB-URL': standin.url } : {}) });
  test.each(VARIABLE_NAMES)('%s: a variable named %s: refused, nothing exported', async (how, name) => {
    const r = await run(args, asVariable(name), env(), entry, how);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(`${name} is refused:`);
    expect(r.stdout).not.toContain('RAN');
    expect(r.written).toEqual(nothing);
  });
  test.each(FILE_ENV_NAMES)(
    "%s: a credential file's env: %s: refused, no file written",
    async (how, name) => {
      const r = await run(args, asFileEnv(name), env(), entry, how);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain(`env ${name} is refused:`);
      expect(r.written).toEqual(nothing);
    },
  );
  test('in-process: a name that steers nothing is exported, so the checks above see what a run writes', async () => {
    const r = await run(args, asVariable('REGISTRY_URL'), env(), entry, 'in-process');
    expect(r.code).toBe(0);
    // shell and json print their exports; every other target writes them to a file.
    if (/shell|json/.test(args.join(' '))) expect(r.stdout).toContain('REGISTRY_URL');
    else expect(r.written).not.toEqual(nothing);
  });
});

test('validate reports each name as an error, with its reason', async () => {
  const job = `    variables:\n${NAMES.map((n) => `      ${n}: "x"`).join('\n')}\n      REGISTRY_USER: "{{ username }}"\n`;
  const r = await run(['validate', 'deploy-token.yml'], job);
  expect(r.code).toBe(1);
  for (const n of NAMES)
    expect(r.stdout).toMatch(new RegExp(`variable ${n} is refused: .+\\[steering-name\\]`));
  expect(r.stdout).not.toContain('REGISTRY_USER');
});
