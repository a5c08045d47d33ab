/**
 * The action run by GitHub's own local runner for actions, exactly as a contributor runs it:
 * `npx @github/local-action run . src/action/main.ts <dotenv>`, with the inputs in the dotenv file,
 * offline, against the stand-in GitLab on 127.0.0.1 where a case needs GitLab. local-action imports
 * the TypeScript entry, calls its exported `run()`, puts its own `@actions/core` in place of the
 * library, and prints the outputs; the exported variables it keeps in its process, so this checks
 * what the step says it exported.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';
import { loadScenario } from '../helpers/scenarios.js';

/** Each run starts npm, tsx and local-action: several seconds; generous for slow machines. */
const SLOW = 120_000;

const root = fileURLToPath(new URL('../../', import.meta.url));
const haveLocalAction = existsSync(join(root, 'node_modules', '.bin', 'local-action'));
if (!haveLocalAction) console.warn('local-action.test: @github/local-action is not installed; skipped');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-local-action-'));
  emptyRunnerFiles(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `npx @github/local-action run . src/action/main.ts .env` with these inputs and job environment. */
function localAction(
  inputs: Record<string, string>,
  jobEnv: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  const lines = Object.entries(runnerEnv(dir, inputs, jobEnv)).map(([k, v]) => `${k}=${v}`);
  const dotenv = join(dir, '.env');
  writeFileSync(dotenv, `${lines.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['@github/local-action', 'run', '.', 'src/action/main.ts', dotenv], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        NO_COLOR: '1',
        NO_UPDATE_NOTIFIER: '1',
        npm_config_update_notifier: 'false',
        npm_config_offline: 'true',
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
      resolve({ code, out });
    });
  });
}

/** The output table local-action prints at the end: output name → value. */
function outputsTable(out: string): Record<string, string> {
  const table = out.slice(out.indexOf('Action Outputs'));
  return Object.fromEntries(
    [...table.matchAll(/│\s*\d+\s*│\s*'([\w-]+)'\s*│\s*'([^']*)'\s*│/g)].map((m) => [m[1]!, m[2]!]),
  );
}

const maybe = haveLocalAction ? describe : describe.skip;

maybe('npx @github/local-action run . src/action/main.ts .env', () => {
  const scenario = loadScenario('1-project-token.json');
  const api = scenario.apiTokens[0] ?? '';
  const password = scenario.jobEnv?.CI_DEPLOY_PASSWORD ?? '';
  let standin: RunningStandin;
  beforeAll(async () => {
    standin = await startStandin(scenario);
  }, SLOW);
  afterAll(() => standin.close());

  test(
    'username and password only: the outputs, what was exported, the warning, no secret',
    async () => {
      const r = await localAction({ username: 'gitlab+deploy-token-11', password });
      expect([r.code, r.out]).toEqual([0, expect.stringContaining('Running Action')]);
      expect(outputsTable(r.out)).toMatchObject({
        username: 'gitlab+deploy-token-11',
        source: 'input password',
      });
      expect(r.out).toContain("exported CI_DEPLOY_USER, CI_DEPLOY_PASSWORD to the job's environment");
      expect(r.out).toMatch(/^::warning::input username and password are used as given/m);
      expect(r.out).not.toContain(password);
    },
    SLOW,
  );

  test(
    'gitlab-token against the stand-in: verified, the token in the outputs, no secret',
    async () => {
      const r = await localAction(
        { 'gitlab-url': standin.url, 'gitlab-token': api, project: 'tanuki/awesome_project' },
        { CI_DEPLOY_PASSWORD: password },
      );
      expect([r.code, r.out]).toEqual([0, expect.stringContaining('Running Action')]);
      expect(outputsTable(r.out)).toMatchObject({ username: 'gitlab+deploy-token-11', 'token-id': '11' });
      expect(r.out).not.toContain(password);
      expect(r.out).not.toContain(api);
    },
    SLOW,
  );
});
