/**
 * `exec` and `mask` as real processes (node dist/cli.js), against the stand-in GitLab on 127.0.0.1:
 * variables only in the child's environment, output masked per stream, stdin and signals forwarded,
 * the child's exit code.
 */
import { spawn } from 'node:child_process';
import { loadScenario } from '../helpers/scenarios.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';

const PASSWORD = 'gldt-ProjToken11ProjToken1';
const scenario = loadScenario('1-project-token.json');

let standin: RunningStandin;
beforeAll(async () => {
  standin = await startStandin(scenario);
});
afterAll(() => standin.close());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  opts: {
    input?: string;
    env?: Record<string, string>;
    onStdout?: (s: string, kill: (sig: NodeJS.Signals) => void) => void;
  } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        GITLAB_TOKEN: scenario.apiTokens[0]!,
        CI_SERVER_URL: standin.url,
        CI_PROJECT_PATH: 'tanuki/awesome_project',
        CI_DEPLOY_USER: 'gitlab+deploy-token-11',
        CI_DEPLOY_PASSWORD: PASSWORD,
        ...opts.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      opts.onStdout?.(stdout, (sig) => child.kill(sig));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

describe('deploy-token exec', () => {
  test('the command sees the variables; its stdout and stderr are masked; its exit code is ours', async () => {
    const r = await cli([
      'exec',
      '--',
      'sh',
      '-c',
      'echo "user=$CI_DEPLOY_USER pass=$CI_DEPLOY_PASSWORD"; echo "err $CI_DEPLOY_PASSWORD" >&2; exit 7',
    ]);
    expect(r.code).toBe(7);
    expect(r.stdout).toBe('user=gitlab+deploy-token-11 pass=[MASKED]\n');
    expect(r.stderr).toContain('err [MASKED]');
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  test('derived forms are masked too (base64 of user:password, as docker config.json holds it)', async () => {
    const r = await cli([
      'exec',
      '--',
      'sh',
      '-c',
      'printf "%s:%s" "$CI_DEPLOY_USER" "$CI_DEPLOY_PASSWORD" | base64 -w0; echo',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[MASKED]\n');
  });

  test('no shell unless asked: $VAR in an argument stays literal', async () => {
    const plain = await cli(['exec', '--', 'echo', '$CI_DEPLOY_PASSWORD']);
    expect(plain.stdout).toBe('$CI_DEPLOY_PASSWORD\n');
    const shell = await cli(['exec', '--shell', '--', 'echo', '$CI_DEPLOY_PASSWORD']);
    expect(shell.stdout).toBe('[MASKED]\n');
  });

  test("the secret is never in the child's argv", async () => {
    const r = await cli([
      'exec',
      '--',
      'sh',
      '-c',
      'tr "\\0" " " < /proc/$$/cmdline; echo; tr "\\0" " " < /proc/$PPID/cmdline',
    ]);
    expect(r.code).toBe(0);
    // Unmasked check: look for any fragment of the password in the raw argv dumps (masking could hide it).
    expect(r.stdout).not.toContain('[MASKED]');
    expect(r.stdout).not.toContain('ProjToken11');
  });

  test('stdin is forwarded', async () => {
    const r = await cli(['exec', '--', 'cat'], { input: 'hello from stdin\n' });
    expect(r.stdout).toBe('hello from stdin\n');
  });

  test('SIGTERM is forwarded and the exit code follows the child', async () => {
    const r = await cli(
      ['exec', '--', 'sh', '-c', 'trap "echo got-term; exit 143" TERM; echo ready; sleep 20 & wait'],
      {
        onStdout: (out, kill) => {
          if (out.includes('ready') && !out.includes('got-term')) kill('SIGTERM');
        },
      },
    );
    expect(r.stdout).toContain('got-term');
    expect(r.code).toBe(143);
  });

  test('a command that does not exist: 127, like a shell', async () => {
    const r = await cli(['exec', '--', 'no-such-command-here']);
    expect(r.code).toBe(127);
    expect(r.stderr).toContain('cannot run no-such-command-here');
  });

  test('no usable credentials: exit 1 and the command does not run', async () => {
    const r = await cli(['exec', '--', 'sh', '-c', 'echo RAN'], {
      env: { CI_DEPLOY_USER: 'gitlab+deploy-token-999' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('RAN');
  });

  test('exec needs a command', async () => {
    const r = await cli(['exec']);
    expect(r.code).toBe(2);
  });
});

describe('deploy-token mask', () => {
  test('stdin to stdout with the secret and its forms masked', async () => {
    const b64 = Buffer.from(PASSWORD).toString('base64');
    const r = await cli(['mask', '--secret-env', 'CI_DEPLOY_PASSWORD'], {
      input: `a ${PASSWORD} b ${b64} c ${encodeURIComponent(PASSWORD)}\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a [MASKED] b [MASKED] c [MASKED]\n');
  });
  test('several --secret-env, and GitLab token shapes always', async () => {
    const r = await cli(['mask', '--secret-env', 'ONE', '--secret-env', 'TWO'], {
      env: { ONE: 'first-secret', TWO: 'second-secret' },
      input: 'first-secret second-secret glpat-AbCdEfGhIjKlMnOpQrSt\n',
    });
    expect(r.stdout).toBe('[MASKED] [MASKED] [MASKED]\n');
  });
  test('an unset variable is a warning, not a failure', async () => {
    const r = await cli(['mask', '--secret-env', 'UNSET_ONE'], { input: 'plain\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('plain\n');
    expect(r.stderr).toContain('UNSET_ONE is not set');
  });
  test('without --secret-env: exit 2', async () => {
    const r = await cli(['mask'], { input: '' });
    expect(r.code).toBe(2);
  });
});
