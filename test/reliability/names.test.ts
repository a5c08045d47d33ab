/**
 * Values printed as names (issue 12, class 1): a secret where a name is expected — CI_DEPLOY_USER
 * holding a token (swapped variables, a password pasted into the wrong field), from the job
 * environment or from GitLab's CI/CD variables — never reaches any output. Each member runs through
 * every command that reports on it and through the action, and every output (stdout, stderr,
 * GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, the job summary) is searched. The first member runs from
 * the built dist/, each run its own process; the others in this process from src/ (in-process.ts:
 * the code dist/ bundles, its output collected the same way).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { loadScenario } from '../helpers/scenarios.js';
import { record } from '../helpers/report.js';
import { everything, occurrences, place, placeEnv, runDist, type Place } from './dist.js';
import { runInProcess } from './in-process.js';

const API = 'glpat-demoDemoDemoDemo1234';
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const USER = 'gitlab+deploy-token-11';
const ODD = 'p@ss/W0rd+Secret=Value!';

interface Member {
  name: string;
  user: string;
  password: string;
  /** What must appear nowhere (the secret, or the part of it that is not a public prefix). */
  secret: string[];
  /** Through the built dist/ (a process per run), or in this process. */
  how?: 'dist' | 'in-process';
}

const MEMBERS: Member[] = [
  {
    name: 'a gldt- token',
    user: 'gldt-SwappedSwappedSwap99',
    password: PASSWORD,
    secret: ['SwappedSwappedSwap99'],
  },
  {
    name: 'a <custom>-gldt- token',
    user: 'acme-gldt-SwappedSwappedSwap98',
    password: PASSWORD,
    secret: ['SwappedSwappedSwap98'],
  },
  {
    name: 'an old prefix-less token equal to the password',
    user: 'Xk3PqL9mZt2VwR8sNb4Y',
    password: 'Xk3PqL9mZt2VwR8sNb4Y',
    secret: ['Xk3PqL9mZt2VwR8sNb4Y'],
  },
  { name: 'the API token itself', user: API, password: PASSWORD, secret: [API.slice(6)] },
  {
    name: 'swapped: the password as user, the username as password',
    user: PASSWORD,
    password: USER,
    secret: [PASSWORD.slice(5)],
  },
  {
    name: 'swapped, a prefix-less token as user',
    user: 'Qw7ErT5yUi3OpAs1DfGh',
    password: USER,
    secret: ['Qw7ErT5yUi3OpAs1DfGh'],
  },
  {
    name: 'the base64 of the password',
    user: Buffer.from(ODD).toString('base64'),
    password: ODD,
    secret: [Buffer.from(ODD).toString('base64'), ODD],
  },
  {
    name: 'the URL-encoded password',
    user: encodeURIComponent(ODD),
    password: ODD,
    secret: [encodeURIComponent(ODD), ODD],
  },
];

let standin: RunningStandin;
/** The same project, the member's values in its CI/CD variables (read through the API). */
let fromApi: RunningStandin;
const places: Place[] = [];
let runs = 0;

beforeAll(async () => {
  standin = await startStandin(loadScenario('1-project-token.json'));
});
afterAll(async () => {
  await standin.close();
  await fromApi?.close();
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
  record('sweep', runs, 'values printed as names');
});

function fresh(): Place {
  const p = place();
  places.push(p);
  writeFileSync(
    join(p.work, 'deploy-token.yml'),
    'version: 1\njobs:\n  build:\n    scopes: [read_registry]\n    configure: [docker]\n    variables: { REG_AUTH: "{{ username }}:{{ password }}" }\n',
  );
  return p;
}

/** Runs, then searches every output; returns what was printed (for checks that the path ran). */
async function sweep(
  m: Member,
  entry: 'cli.js' | 'index.js',
  args: string[],
  env: Record<string, string>,
  gitlab = standin,
): Promise<string> {
  const p = fresh();
  const r = await (m.how === 'in-process' ? runInProcess : runDist)(
    entry,
    args,
    placeEnv(p, {
      CI_SERVER_URL: gitlab.url,
      CI_PROJECT_PATH: 'tanuki/awesome_project',
      CI_REGISTRY: 'registry.example.com',
      GITLAB_TOKEN: API,
      ...env,
    }),
    { cwd: p.work },
  );
  runs++;
  const hits = occurrences(everything(p, r), m.secret);
  expect(hits).toEqual([]);
  return r.stdout + r.stderr;
}

const jobEnv = (m: Member) => ({ CI_DEPLOY_USER: m.user, CI_DEPLOY_PASSWORD: m.password });

MEMBERS.forEach((m, i) => (m.how = i === 0 ? 'dist' : 'in-process'));

describe.each(MEMBERS)('CI_DEPLOY_USER holding $name ($how)', (m) => {
  test('plan (text, --verbose) and plan --format json', async () => {
    const text = await sweep(m, 'cli.js', ['plan', '--verbose'], jobEnv(m));
    // The value was there to print: the resolver names it as a swapped token without quoting it,
    // or an explanation quotes it and the scrubber masks it; the sweep proves it never shows.
    expect(text).toMatch(/\[MASKED\]|CI_DEPLOY_USER holds what looks like a token/);
    expect(text).toContain('deploy-token: debug: GET');
    const json = await sweep(m, 'cli.js', ['plan', '--format', 'json'], jobEnv(m));
    expect(() => JSON.parse(json.slice(0, json.lastIndexOf('}') + 1))).not.toThrow();
  });

  test('resolve --export shell and --export github (errors)', async () => {
    const out = await sweep(m, 'cli.js', ['resolve', '--export', 'shell'], jobEnv(m));
    expect(out).toMatch(/stale variables|CI_DEPLOY_USER/);
    await sweep(m, 'cli.js', ['resolve', '--export', 'github', '--job', 'build'], jobEnv(m));
  });

  test('exec (its error), the command never runs', async () => {
    const out = await sweep(m, 'cli.js', ['exec', '--job', 'build', '--', 'sh', '-c', 'echo RAN'], jobEnv(m));
    expect(out).not.toContain('RAN');
  });

  test('the action: annotations, job summary, outputs; then post', async () => {
    const inputs = {
      'INPUT_GITLAB-URL': standin.url,
      'INPUT_GITLAB-TOKEN': API,
      INPUT_PROJECT: 'tanuki/awesome_project',
    };
    const out = await sweep(m, 'index.js', [], { ...jobEnv(m), ...inputs });
    expect(out).toContain('::error::');
    await sweep(m, 'index.js', [], { ...jobEnv(m), ...inputs, 'INPUT_DRY-RUN': 'true' });
  });
});

describe('from GitLab: the member in the project’s CI/CD variables (plan outside a job, audit)', () => {
  const withVariables = (m: Member): Scenario => {
    const sc = loadScenario('1-project-token.json');
    const vars = [
      { key: 'CI_DEPLOY_USER', value: m.user, masked: false, environment_scope: '*' },
      { key: 'CI_DEPLOY_PASSWORD', value: m.password, masked: false, environment_scope: '*' },
    ];
    return {
      ...sc,
      groups: sc.groups.map((g) => ({ ...g, variables: vars })),
      projects: sc.projects.map((p) => ({ ...p, variables: vars })),
    };
  };
  test.each(MEMBERS.filter((m) => m.password !== USER))('$name ($how)', async (m) => {
    await fromApi?.close();
    fromApi = await startStandin(withVariables(m));
    const plan = await sweep(m, 'cli.js', ['plan', '--format', 'json'], {}, fromApi);
    expect(plan).toContain('"ok"');
    for (const format of ['text', 'json', 'markdown'])
      await sweep(m, 'cli.js', ['audit', '--group', 'tanuki', '--format', format], {}, fromApi);
  });
});
