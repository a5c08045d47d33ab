/**
 * The API token in exec's child (issue 12, class 2): the child gets the deploy token, not the API
 * token — whichever variable held it (GITLAB_TOKEN, --api-token-env NAME, the spec's
 * gitlab.api_token_env) and any other variable holding the same value — unless --pass-api-token;
 * then it is masked with its derived forms like the password, in the child's output too. The job's
 * own CI_JOB_TOKEN and glab's GITLAB_ACCESS_TOKEN / OAUTH_TOKEN pass through (they are not ours to
 * withhold) but are masked. Through the built dist/cli.js.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../helpers/scenarios.js';
import { standinPerFile } from '../helpers/standin.js';
import { occurrences, place, placeEnv, runDist, type Place } from './dist.js';

const API = 'glpat-demoDemoDemoDemo1234';
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const JOB_TOKEN = 'glcbt-64_JobTokenJobTokenJobTok';
const ACCESS = 'AccessTokenOfGlab00Xy';

/** Forms of a secret a child may print: raw, base64 (also with a newline), URL-encoded, the tail. */
const forms = (s: string) => [
  s,
  Buffer.from(s).toString('base64'),
  Buffer.from(`${s}\n`).toString('base64'),
  encodeURIComponent(s),
  s.slice(6),
];

/** Prints what the child got, in every form. */
const PRINT = [
  'for v in GITLAB_TOKEN MY_API SPEC_API COPY CI_JOB_TOKEN GITLAB_ACCESS_TOKEN; do',
  '  eval "x=\\${$v:-}"; echo "$v=[$x]"; printf %s "$x" | base64; echo "$x" | base64;',
  'done; echo "PW=$CI_DEPLOY_PASSWORD"',
].join('\n');

const places: Place[] = [];
const standin = standinPerFile(loadScenario('1-project-token.json'));
afterAll(() => {
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
});

async function exec(env: Record<string, string>, flags: string[] = [], spec?: string) {
  const p = place();
  places.push(p);
  if (spec) writeFileSync(join(p.work, 'deploy-token.yml'), spec);
  const r = await runDist(
    'cli.js',
    ['exec', ...flags, '--', 'sh', '-c', PRINT],
    placeEnv(p, {
      CI_SERVER_URL: standin.url,
      CI_PROJECT_PATH: 'tanuki/awesome_project',
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: PASSWORD,
      CI_JOB_TOKEN: JOB_TOKEN,
      GITLAB_ACCESS_TOKEN: ACCESS,
      ...env,
    }),
    { cwd: p.work },
  );
  expect(r.code).toBe(0);
  return r;
}

/** The value the child saw in `name` (masked values show as [MASKED]). */
const seen = (out: string, name: string) => new RegExp(`^${name}=\\[(.*)\\]$`, 'm').exec(out)?.[1];

describe('withheld unless asked for', () => {
  test.each<[string, Record<string, string>, string[], string | undefined, string[]]>([
    ['GITLAB_TOKEN (the default)', { GITLAB_TOKEN: API }, [], undefined, ['GITLAB_TOKEN']],
    ['--api-token-env MY_API', { MY_API: API }, ['--api-token-env', 'MY_API'], undefined, ['MY_API']],
    [
      "the spec's gitlab.api_token_env",
      { SPEC_API: API },
      [],
      'version: 1\ngitlab:\n  api_token_env: SPEC_API\njobs:\n  build:\n    scopes: [read_registry]\n',
      ['SPEC_API'],
    ],
    [
      'a copy of it under another name',
      { GITLAB_TOKEN: API, COPY: API },
      [],
      undefined,
      ['GITLAB_TOKEN', 'COPY'],
    ],
  ])('%s', async (_n, env, flags, spec, names) => {
    const r = await exec(env, flags, spec);
    for (const n of names) expect(seen(r.stdout, n)).toBe('');
    // The deploy token still arrives, masked.
    expect(r.stdout).toContain('PW=[MASKED]');
    expect(occurrences({ stdout: r.stdout, stderr: r.stderr }, [...forms(API), ...forms(PASSWORD)])).toEqual(
      [],
    );
  });
});

test('--pass-api-token: the child gets it, and every form it prints is masked', async () => {
  const r = await exec({ GITLAB_TOKEN: API, COPY: API }, ['--pass-api-token']);
  expect(seen(r.stdout, 'GITLAB_TOKEN')).toBe('[MASKED]');
  expect(seen(r.stdout, 'COPY')).toBe('[MASKED]');
  expect(occurrences({ stdout: r.stdout, stderr: r.stderr }, forms(API))).toEqual([]);
});

test("the job's CI_JOB_TOKEN and glab's GITLAB_ACCESS_TOKEN pass through, masked", async () => {
  const r = await exec({ GITLAB_TOKEN: API });
  expect(seen(r.stdout, 'CI_JOB_TOKEN')).toBe('[MASKED]');
  expect(seen(r.stdout, 'GITLAB_ACCESS_TOKEN')).toBe('[MASKED]');
  expect(
    occurrences({ stdout: r.stdout, stderr: r.stderr }, [...forms(JOB_TOKEN), ...forms(ACCESS)]),
  ).toEqual([]);
});
