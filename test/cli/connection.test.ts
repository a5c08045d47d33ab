/**
 * The GitLab connection (src/app/connection.ts), defined once: the instance (`--gitlab-url`, the
 * spec's `gitlab.url`, CI_SERVER_URL, GITLAB_HOST, then https://gitlab.com, said on stderr before
 * the API token is sent) and the API token (`--api-token-env` or the spec's `gitlab.api_token_env`,
 * else GITLAB_TOKEN, GITLAB_ACCESS_TOKEN, OAUTH_TOKEN), each step of both chains, every message
 * naming where the value came from: through the pure function, the CLI and the action.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { mainStep } from '../helpers/action.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';
import { defaultNotice, gitlabConnection, type ConnectionRequest } from '../../src/app/connection.js';
import type { CliContext } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { UsageError } from '../../src/core/errors.js';
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';
import { standinPerFile } from '../helpers/standin.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-demoDemoDemoDemo1234';
const WRONG = 'glpat-wrongwrongwrongwrong';
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const scenario = loadScenario('1-project-token.json');

let dir: string;
const standin = standinPerFile(scenario, { now: () => NOW });
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dt-connection-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = (url?: string, tokenEnv?: string): ConnectionRequest => ({
  url: { value: url, source: '--gitlab-url' },
  tokenEnv: { value: tokenEnv, source: '--api-token-env' },
});

describe('the instance: flag, spec, CI_SERVER_URL, GITLAB_HOST, then gitlab.com', () => {
  const env = {
    CI_SERVER_URL: 'https://ci.example.com/',
    GITLAB_HOST: 'glab.example.com',
  };
  const spec = { gitlab: { url: 'https://spec.example.com/gitlab/api/v4' } };
  test.each<[string, ConnectionRequest, Record<string, string>, string, string]>([
    [
      'the flag first',
      { ...FLAGS('https://flag.example.com'), spec },
      env,
      'https://flag.example.com',
      '--gitlab-url',
    ],
    ['then the spec', { ...FLAGS(), spec }, env, 'https://spec.example.com/gitlab', 'spec gitlab.url'],
    ['then CI_SERVER_URL', { ...FLAGS(), spec: {} }, env, 'https://ci.example.com', '$CI_SERVER_URL'],
    [
      "then glab's GITLAB_HOST, a bare host name meaning https",
      FLAGS(),
      { GITLAB_HOST: 'glab.example.com' },
      'https://glab.example.com',
      '$GITLAB_HOST',
    ],
    [
      'GITLAB_HOST with a port',
      FLAGS(),
      { GITLAB_HOST: 'glab.example.com:8443' },
      'https://glab.example.com:8443',
      '$GITLAB_HOST',
    ],
    [
      'GITLAB_HOST as a URL stays one',
      FLAGS(),
      { GITLAB_HOST: 'http://127.0.0.1:8080/' },
      'http://127.0.0.1:8080',
      '$GITLAB_HOST',
    ],
    [
      'an empty variable is not set',
      FLAGS(),
      { CI_SERVER_URL: '', GITLAB_HOST: ' ' },
      'https://gitlab.com',
      'the default',
    ],
    ['then https://gitlab.com', FLAGS(), {}, 'https://gitlab.com', 'the default'],
  ])('%s', (_n, req, e, url, source) => {
    const c = gitlabConnection(req, e);
    expect([c.url, c.urlSource, c.defaulted]).toEqual([url, source, source === 'the default']);
  });

  test('only the default is said, naming the settings asked (the spec only where one is read)', () => {
    expect(
      defaultNotice(gitlabConnection(FLAGS(), { CI_SERVER_URL: 'https://x.example.com' })),
    ).toBeUndefined();
    expect(defaultNotice(gitlabConnection({ ...FLAGS(), spec: {} }, {}))).toBe(
      'no GitLab instance named (--gitlab-url, spec gitlab.url, $CI_SERVER_URL, $GITLAB_HOST): using https://gitlab.com; set one of them for a self-managed instance',
    );
    expect(defaultNotice(gitlabConnection(FLAGS(), {}))).toContain(
      '(--gitlab-url, $CI_SERVER_URL, $GITLAB_HOST)',
    );
  });

  test.each<[ConnectionRequest, Record<string, string>, RegExp]>([
    [FLAGS('ftp://x'), {}, /^--gitlab-url must be http\(s\), not ftp:/],
    [
      { ...FLAGS(), spec: { gitlab: { url: 'not a url' } } },
      {},
      /^spec gitlab\.url "not a url" is not a URL/,
    ],
    [
      FLAGS(),
      { CI_SERVER_URL: 'https://user:pw@gitlab.example.com' },
      /^\$CI_SERVER_URL must not contain credentials/,
    ],
    [FLAGS(), { GITLAB_HOST: 'ftp://glab.example.com' }, /^\$GITLAB_HOST must be http\(s\)/],
    [{ url: { value: 'x y', source: 'input gitlab-url' } }, {}, /^input gitlab-url "x y" is not a URL/],
  ])('a bad value names its setting: %j', (req, e, message) => {
    expect(() => gitlabConnection(req, e)).toThrow(UsageError);
    expect(() => gitlabConnection(req, e)).toThrow(message);
  });

  test('a URL with credentials is never echoed', () => {
    expect(() => gitlabConnection(FLAGS('https://u:s3cret@x y'), {})).toThrow(/"https:\/\/\*\*\*@x y"/);
  });
});

describe('the API token: the named variable, else GITLAB_TOKEN, GITLAB_ACCESS_TOKEN, OAUTH_TOKEN', () => {
  const all = { GITLAB_TOKEN: 'a', GITLAB_ACCESS_TOKEN: 'b', OAUTH_TOKEN: 'c', MINE: 'm', SPEC_TOKEN: 's' };
  test.each<[string, ConnectionRequest, Record<string, string>, string | undefined, string]>([
    [
      'a token given directly (the action input)',
      { token: { value: 't', source: 'input gitlab-token' } },
      all,
      't',
      'input gitlab-token',
    ],
    ['--api-token-env', FLAGS(undefined, 'MINE'), all, 'm', '$MINE (named by --api-token-env)'],
    [
      "the spec's gitlab.api_token_env",
      { ...FLAGS(), spec: { gitlab: { api_token_env: 'SPEC_TOKEN' } } },
      all,
      's',
      '$SPEC_TOKEN (named by spec gitlab.api_token_env)',
    ],
    ['GITLAB_TOKEN', FLAGS(), all, 'a', '$GITLAB_TOKEN'],
    [
      'then GITLAB_ACCESS_TOKEN',
      FLAGS(),
      { GITLAB_TOKEN: '', GITLAB_ACCESS_TOKEN: 'b', OAUTH_TOKEN: 'c' },
      'b',
      '$GITLAB_ACCESS_TOKEN',
    ],
    ['then OAUTH_TOKEN', FLAGS(), { OAUTH_TOKEN: 'c' }, 'c', '$OAUTH_TOKEN'],
    ['none', FLAGS(), {}, undefined, '$GITLAB_TOKEN, $GITLAB_ACCESS_TOKEN or $OAUTH_TOKEN'],
    [
      'a named variable that is empty: no fall-back',
      FLAGS(undefined, 'EMPTY'),
      { ...all, EMPTY: '' },
      undefined,
      '$EMPTY (named by --api-token-env)',
    ],
  ])('%s', (_n, req, e, token, source) => {
    const c = gitlabConnection(req, e);
    expect([c.apiToken, c.tokenSource]).toEqual([token, source]);
    // exec keeps exactly the variable that held it from its child.
    expect(c.tokenVariable).toBe(
      token === undefined || req.token ? undefined : source.split(' ')[0]?.slice(1),
    );
  });

  test('a name that is no variable name is refused, naming where it was set', () => {
    expect(() => gitlabConnection(FLAGS(undefined, 'no-dash'), {})).toThrow(
      /^--api-token-env "no-dash" is not a variable name/,
    );
    expect(() => gitlabConnection({ spec: { gitlab: { api_token_env: '1X' } } }, {})).toThrow(
      /^spec gitlab\.api_token_env "1X" is not a variable name/,
    );
  });
});

describe('through the CLI, against the stand-in', () => {
  const job = { CI_PROJECT_PATH: 'tanuki/awesome_project', ...scenario.jobEnv };
  const verified = (stdout: string) => JSON.parse(stdout) as { ok: boolean; token: { id: number } | null };

  test('GITLAB_HOST names the instance when nothing else does', async () => {
    const r = await runCli(['plan', '--format', 'json'], {
      ...job,
      GITLAB_HOST: standin.url,
      GITLAB_TOKEN: API,
    });
    expect(r.code).toBe(0);
    expect(verified(r.stdout).token?.id).toBe(11);
    expect(r.stderr).toBe('');
  });

  test('CI_SERVER_URL wins over GITLAB_HOST', async () => {
    const r = await runCli(['plan', '--format', 'json'], {
      ...job,
      CI_SERVER_URL: standin.url,
      GITLAB_HOST: 'http://127.0.0.1:9',
      GITLAB_TOKEN: API,
    });
    expect(r.code).toBe(0);
  });

  test("the spec's gitlab.url wins over CI_SERVER_URL, and --gitlab-url over the spec", async () => {
    writeFileSync(
      join(dir, 'deploy-token.yml'),
      `version: 1\ngitlab:\n  url: ${standin.url}\njobs:\n  pull:\n    scopes: [read_registry]\n`,
    );
    const env = { ...job, CI_SERVER_URL: 'http://127.0.0.1:9', GITLAB_TOKEN: API };
    expect((await runCli(['plan', '--format', 'json'], env, { cwd: dir })).code).toBe(0);
    const flag = await runCli(['plan', '--gitlab-url', 'http://127.0.0.1:9'], env, { cwd: dir });
    expect(flag.code).toBe(3);
  });

  test.each([
    ['GITLAB_ACCESS_TOKEN', { GITLAB_ACCESS_TOKEN: API }],
    ['OAUTH_TOKEN', { OAUTH_TOKEN: API }],
  ])("glab's %s verifies the token when GITLAB_TOKEN is not set", async (_n, tokens) => {
    const r = await runCli(['plan', '--format', 'json'], { ...job, CI_SERVER_URL: standin.url, ...tokens });
    expect(r.code).toBe(0);
    expect(verified(r.stdout).token?.id).toBe(11);
  });

  test('GITLAB_TOKEN comes first: a wrong one is refused although GITLAB_ACCESS_TOKEN is right', async () => {
    const r = await runCli(['plan'], {
      ...job,
      CI_SERVER_URL: standin.url,
      GITLAB_TOKEN: WRONG,
      GITLAB_ACCESS_TOKEN: API,
    });
    // 401: the request is wrong (exit 2), and the hint names where the rejected token came from.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$GITLAB_TOKEN');
    expect(r.stdout + r.stderr).not.toContain(WRONG);
  });

  test('a variable named by --api-token-env that is not set: no other is used', async () => {
    const r = await runCli(['resolve', '--export', 'json', '--api-token-env', 'MISSING'], {
      ...job,
      CI_SERVER_URL: standin.url,
      GITLAB_TOKEN: API,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rule).toBe('unverified-environment');
  });

  test('no token for a command that needs one: the message names where it looked', async () => {
    const p = await runCli(['provision', '--project', '3', '--scopes', 'read_registry', '--dry-run'], {
      CI_SERVER_URL: standin.url,
    });
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(
      'provision needs a GitLab API token: none in $GITLAB_TOKEN, $GITLAB_ACCESS_TOKEN or $OAUTH_TOKEN',
    );
    const a = await runCli(['audit', '--group', 'tanuki', '--api-token-env', 'MY_API'], {
      CI_SERVER_URL: standin.url,
    });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('audit needs a GitLab API token: none in $MY_API (named by --api-token-env)');
  });

  test.each(['GITLAB_ACCESS_TOKEN', 'OAUTH_TOKEN'])(
    "exec's child does not get %s when it held the API token",
    async (name) => {
      const r = await runCli(
        ['exec', '--', 'sh', '-c', `echo "got=[\${${name}:-}]"; echo "pw=[$CI_DEPLOY_PASSWORD]"`],
        { ...job, CI_SERVER_URL: standin.url, [name]: API },
        { cwd: dir },
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('got=[]');
      expect(r.stdout).toContain('pw=[[MASKED]]');
      expect(r.stdout + r.stderr).not.toContain(API);
    },
  );

  test('a bad CI_SERVER_URL is named as the variable', async () => {
    const r = await runCli(['plan'], { ...job, CI_SERVER_URL: 'ftp://gitlab.example.com' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$CI_SERVER_URL must be http(s), not ftp:');
  });
});

describe('the default instance is said before the API token is sent', () => {
  /** The CLI with a fetch that answers nothing and records what stderr held when each request left. */
  async function cliOffline(argv: string[], env: Record<string, string>) {
    let stderr = '';
    const sent: { url: string; stderrBefore: string }[] = [];
    const ctx: CliContext = {
      env,
      cwd: dir,
      stdout: { write: () => undefined },
      stderr: { write: (s) => void (stderr += s) },
      stdin: Readable.from([]),
      now: () => NOW,
      sleep: async () => undefined,
      http: { maxAttempts: 1 },
      fetch: async (input) => {
        sent.push({ url: String(input instanceof Request ? input.url : input), stderrBefore: stderr });
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      },
    };
    const code = await main(argv, ctx);
    return { code, stderr, sent };
  }

  test.each([
    ['plan', ['plan', '--project', '3']],
    ['provision', ['provision', '--project', '3', '--scopes', 'read_registry', '--dry-run']],
    ['audit', ['audit', '--group', 'tanuki']],
    ['cleanup --ephemeral', ['cleanup', '--ephemeral', '--project', '3']],
  ])('%s', async (_n, argv) => {
    const r = await cliOffline(argv, { GITLAB_TOKEN: API });
    expect(r.code).toBe(3);
    expect(r.sent.length).toBeGreaterThan(0);
    expect(r.sent[0]?.url).toMatch(/^https:\/\/gitlab\.com\/api\/v4\//);
    expect(r.sent[0]?.stderrBefore).toContain('no GitLab instance named');
    expect(r.sent[0]?.stderrBefore).toContain('using https://gitlab.com');
    expect(r.stderr.match(/no GitLab instance named/g)).toHaveLength(1);
  });

  test('nothing is said when an instance is named, nor when no token is sent', async () => {
    const named = await cliOffline(['plan', '--project', '3'], {
      GITLAB_TOKEN: API,
      CI_SERVER_URL: 'https://gitlab.example.com',
    });
    expect(named.sent[0]?.url).toMatch(/^https:\/\/gitlab\.example\.com\/api\/v4\//);
    expect(named.stderr).not.toContain('no GitLab instance named');
    const noToken = await cliOffline(['plan', '--project', '3'], scenario.jobEnv ?? {});
    expect(noToken.sent).toEqual([]);
    expect(noToken.stderr).not.toContain('no GitLab instance named');
  });
});

describe('the action names its inputs', () => {
  async function action(inputs: Record<string, string>, extra: Record<string, string> = {}) {
    emptyRunnerFiles(dir);
    const env = runnerEnv(dir, inputs, {
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: PASSWORD,
      ...extra,
    });
    return mainStep(env, dir, () => NOW);
  }

  test('a bad gitlab-url is the input gitlab-url', async () => {
    const r = await action({ 'gitlab-url': 'ftp://x', 'gitlab-token': API, project: '3' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('::error::input gitlab-url must be http(s), not ftp:');
  });

  test('the input gitlab-token comes before GITLAB_TOKEN; without inputs the variables count', async () => {
    const right = await action(
      { 'gitlab-url': standin.url, 'gitlab-token': API, project: 'tanuki/awesome_project' },
      { GITLAB_TOKEN: WRONG },
    );
    expect(right.code).toBe(0);
    const fromEnv = await action(
      { project: 'tanuki/awesome_project' },
      { GITLAB_HOST: standin.url, GITLAB_ACCESS_TOKEN: API },
    );
    expect(fromEnv.code).toBe(0);
    // GitLab's version is known only through the API: the token reached the instance GITLAB_HOST names.
    expect(fromEnv.out).toContain('GitLab 17.5.1-ee');
  });
});
