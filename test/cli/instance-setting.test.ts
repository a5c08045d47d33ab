/**
 * When GitLab cannot be reached, the error names the setting the instance came from as the user set
 * it: the CLI's flag, a variable, the spec's key, the action's input, or none at all (the default),
 * never the CLI's `--gitlab-url` where the user set something else. Port 1 on 127.0.0.1 refuses at
 * once: no network is used.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { runAction } from '../helpers/action.js';

const API = 'glpat-InstanceSettingTest1';
const DEAD = 'http://127.0.0.1:1';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-instance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The error object `--format json` prints: `{error: {message, hint, source}, exit_code}`. */
async function jsonError(argv: string[], env: Record<string, string>) {
  const r = await runCli([...argv, '--format', 'json'], { GITLAB_TOKEN: API, ...env }, { cwd: dir });
  expect(r.code).toBe(3);
  expect(r.stdout + r.stderr).not.toContain(API);
  return JSON.parse(r.stdout) as { error: { message: string; hint: string; source: string } };
}

test.each([
  ['the flag', ['--gitlab-url', DEAD], {}, '--gitlab-url'],
  ['$CI_SERVER_URL', [], { CI_SERVER_URL: DEAD }, '$CI_SERVER_URL'],
  ['$GITLAB_HOST', [], { GITLAB_HOST: '127.0.0.1:1' }, '$GITLAB_HOST'],
])('plan: unreachable GitLab named by %s', async (_label, flags, env, source) => {
  const { error } = await jsonError(['plan', '--project', 'tanuki/app', ...flags], env);
  expect(error.message).toMatch(/could not reach GitLab/);
  expect(error.source).toBe(source);
  expect(error.hint).toContain(`check ${source}`);
  if (source !== '--gitlab-url') expect(error.hint).not.toContain('--gitlab-url');
});

test("plan: the spec's gitlab.url is named as the spec key", async () => {
  writeFileSync(join(dir, 'deploy-token.yml'), `version: 1\ngitlab:\n  url: ${DEAD}\njobs:\n  build: {}\n`);
  const { error } = await jsonError(['plan', '--project', 'tanuki/app', '--job', 'build'], {});
  expect(error.source).toBe('spec gitlab.url');
  expect(error.hint).toContain('check spec gitlab.url');
});

test('audit names the flag (it reads no spec)', async () => {
  const a = await jsonError(['audit', '--group', 'tanuki', '--gitlab-url', DEAD], {});
  expect(a.error.source).toBe('--gitlab-url');
});

/** The action's main step against `url`: its exit code and what it printed. */
async function actionAgainst(url: string) {
  for (const f of ['env', 'output', 'summary', 'state']) writeFileSync(join(dir, f), '');
  let out = '';
  const code = await runAction({
    env: {
      GITHUB_ENV: join(dir, 'env'),
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_STATE: join(dir, 'state'),
      RUNNER_TEMP: dir,
      'INPUT_GITLAB-URL': url,
      'INPUT_GITLAB-TOKEN': API,
      INPUT_PROJECT: 'tanuki/app',
    },
    cwd: dir,
    now: () => new Date('2026-11-25T10:00:00Z'),
    stdout: { write: (s) => void (out += s) },
  });
  return { code, out };
}

test("an answer that is not GitLab's (a sign-in page) names the action's input in message and hint", async () => {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Sign in</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const { code, out } = await actionAgainst(`http://127.0.0.1:${port}`);
    expect(code).not.toBe(0);
    expect(out).toMatch(/HTML, not JSON/);
    expect(out).toContain('input gitlab-url');
    expect(out).not.toContain('--gitlab-url');
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test("the action names its input, never the CLI's flag", async () => {
  const { code, out } = await actionAgainst(DEAD);
  expect(code).not.toBe(0);
  expect(out).toMatch(/could not reach GitLab/);
  expect(out).toContain('input gitlab-url');
  expect(out).not.toContain('--gitlab-url');
  // `::add-mask::` lines are how the runner learns the value: they must hold it, nothing else may.
  expect(out.replace(/^::add-mask::.*$/gm, '')).not.toContain(API);
  expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
});
