/**
 * The action run by GitHub's own local runner for actions, @github/local-action
 * (`npx local-action run <repo> <entrypoint> <dotenv file>`), with its inputs in a dotenv file, against
 * the stand-in GitLab on 127.0.0.1, offline:
 * - the shipped bundle, dist/index.js, through test/action/local-action/dist-entry.mjs;
 * - the TypeScript source, src/action/main.ts, through test/action/local-action/src-entry.ts with
 *   njk-hooks.mjs (tsx cannot load the *.njk templates the source imports).
 * local-action calls an exported `run()`; the action's entrypoints run on import and export nothing,
 * hence the two one-line entries (see the report for the proposed `run` export).
 *
 * Checked: exit code, the plan text, the job summary, and that neither the deploy token nor the API
 * token appears anywhere but in `::add-mask::` commands (which the runner consumes).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { loadScenario } from '../helpers/scenarios.js';

/** Each run starts npm, tsx and local-action: several seconds; generous for slow machines. */
const SLOW = 120_000;

const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(root, 'node_modules', '.bin', 'local-action');
const haveLocalAction = existsSync(BIN);
const haveDist = existsSync(join(root, 'dist', 'index.js'));
if (!haveLocalAction) console.warn('local-action.test: @github/local-action is not installed; skipped');

interface Run {
  code: number | null;
  out: string;
  env: string;
  output: string;
  summary: string;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-local-action-'));
  for (const f of ['env', 'output', 'summary', 'state']) writeFileSync(join(dir, f), '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs local-action on `entry` with these inputs and job environment, asynchronously (the stand-in answers from this process). */
function localAction(
  entry: string,
  inputs: Record<string, string>,
  jobEnv: Record<string, string>,
  nodeOptions = '',
): Promise<Run> {
  const lines = [
    ...Object.entries(inputs).map(([k, v]) => `INPUT_${k.toUpperCase()}=${v}`),
    ...Object.entries(jobEnv).map(([k, v]) => `${k}=${v}`),
    `GITHUB_ENV=${join(dir, 'env')}`,
    `GITHUB_OUTPUT=${join(dir, 'output')}`,
    `GITHUB_STEP_SUMMARY=${join(dir, 'summary')}`,
    `GITHUB_STATE=${join(dir, 'state')}`,
    `RUNNER_TEMP=${dir}`,
  ];
  const dotenv = join(dir, '.env');
  writeFileSync(dotenv, `${lines.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['run', '.', entry, dotenv], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        NO_COLOR: '1',
        NO_UPDATE_NOTIFIER: '1',
        npm_config_update_notifier: 'false',
        npm_config_offline: 'true',
        ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const read = (f: string) => readFileSync(join(dir, f), 'utf8');
      resolve({ code, out, env: read('env'), output: read('output'), summary: read('summary') });
    });
  });
}

/** Every place a secret could leak to, minus the `::add-mask::` lines that register it. */
function leaks(r: Run, secrets: string[]): string[] {
  const visible = [
    ...r.out.split('\n').filter((l) => !l.startsWith('::add-mask::')),
    r.output,
    r.summary,
  ].join('\n');
  return secrets.filter((s) => s && visible.includes(s));
}

// The bundle gets every case; the source (same code, slower to start) the dry run only.
const entries: [string, string, string, boolean][] = [
  ['the bundle dist/index.js', 'test/action/local-action/dist-entry.mjs', '', true],
  [
    'the TypeScript source src/action/main.ts',
    'test/action/local-action/src-entry.ts',
    '--import ./test/action/local-action/njk-hooks.mjs',
    false,
  ],
];

const maybe = haveLocalAction && haveDist ? describe : describe.skip;

maybe.each(entries)('local-action runs %s', (_what, entry, nodeOptions, full) => {
  const more = full ? test : () => undefined;
  describe('project token (1-project-token.json)', () => {
    const scenario = loadScenario('1-project-token.json');
    const api = scenario.apiTokens[0] ?? '';
    const password = scenario.jobEnv?.CI_DEPLOY_PASSWORD ?? '';
    let standin: RunningStandin;
    beforeAll(async () => {
      standin = await startStandin(scenario);
    }, SLOW);
    afterAll(() => standin.close());

    test(
      'dry run: exit 0, the plan, a dry-run summary, nothing exported, no secret',
      async () => {
        const r = await localAction(
          entry,
          {
            'gitlab-url': standin.url,
            'gitlab-token': api,
            project: 'tanuki/awesome_project',
            'dry-run': 'true',
          },
          { CI_DEPLOY_PASSWORD: password },
          nodeOptions,
        );
        expect([r.code, r.out]).toEqual([0, expect.stringContaining('Running Action')]);
        expect(r.out).toContain('tanuki/awesome_project on http://127.0.0.1:');
        expect(r.out).toContain('project token #11 "gitlab-deploy-token" (gitlab+deploy-token-11)');
        expect(r.out).toContain('CI_DEPLOY_PASSWORD ← job environment (CI_DEPLOY_PASSWORD) (masked)');
        expect(r.out).toContain('the job gets working credentials (exit 0)');
        // The masks come first, for both secrets.
        expect(r.out).toContain(`::add-mask::${api}\n`);
        expect(r.out).toContain(`::add-mask::${password}\n`);
        expect(r.summary).toContain('### deploy-token (dry run)');
        expect(r.env).toBe('');
        expect(leaks(r, [api, password])).toEqual([]);
      },
      SLOW,
    );

    more(
      'no dry run: exit 0, CI_DEPLOY_USER / CI_DEPLOY_PASSWORD exported to GITHUB_ENV, outputs without the password',
      async () => {
        const r = await localAction(
          entry,
          { 'gitlab-url': standin.url, 'gitlab-token': api, project: 'tanuki/awesome_project' },
          { CI_DEPLOY_PASSWORD: password },
          nodeOptions,
        );
        expect([r.code, r.out]).toEqual([0, expect.stringContaining('Running Action')]);
        expect(r.env).toMatch(/^CI_DEPLOY_USER<<ghadelimiter_[\w-]+\ngitlab\+deploy-token-11\n/m);
        expect(r.env).toContain(`CI_DEPLOY_PASSWORD<<`);
        expect(r.env).toContain(`\n${password}\n`);
        expect(r.output).toMatch(/^username<<ghadelimiter_[\w-]+\ngitlab\+deploy-token-11\n/m);
        expect(r.output).not.toMatch(/^password<</m);
        expect(leaks(r, [api, password])).toEqual([]);
      },
      SLOW,
    );
  });

  (full ? describe : () => undefined)('expired token (4-expired-token.json)', () => {
    const scenario = loadScenario('4-expired-token.json');
    const api = scenario.apiTokens[0] ?? '';
    const secrets = [api, ...Object.values(scenario.jobEnv ?? {}).filter((v) => /^gl[a-z]+-/.test(v))];
    let standin: RunningStandin;
    beforeAll(async () => {
      standin = await startStandin(scenario);
    }, SLOW);
    afterAll(() => standin.close());

    test(
      'dry run: exit 1 with an ::error:: that says why, no secret',
      async () => {
        const r = await localAction(
          entry,
          { 'gitlab-url': standin.url, 'gitlab-token': api, project: scenario.project, 'dry-run': 'true' },
          scenario.jobEnv ?? {},
          nodeOptions,
        );
        expect(r.code).toBe(1);
        expect(r.out).toMatch(/^::error::.*expired/im);
        expect(r.summary).toContain('no credentials');
        expect(r.env).toBe('');
        expect(leaks(r, secrets)).toEqual([]);
      },
      SLOW,
    );
  });
});
