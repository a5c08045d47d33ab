/**
 * The output boundary (src/core/output.ts, src/core/scrub.ts, src/core/text.ts) and the action's
 * Runner over it: what reaches the runner's stdout, summary and outputs, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runner } from '../../src/action/runner.js';
import { inRunner } from '../helpers/action.js';
import { commandLine, escapeProperty, guardOutput, RunnerStream } from '../../src/core/output.js';
import { mayBeSecret, mayBeToken } from '../../src/core/secret-shape.js';
import { Scrubber } from '../../src/core/scrub.js';
import { cleanText, escapeJsonUnsafe, oneLine, safeJson } from '../../src/core/text.js';
import { parseGithubFile } from '../export/parsers.js';

const TOKEN = () => 'a'.repeat(32);

function stream() {
  let out = '';
  const s = new RunnerStream({ write: (t) => void (out += t) }, TOKEN);
  return { s, out: () => out };
}

describe('RunnerStream: no line of outside text can start a workflow command', () => {
  test.each([
    ['a command line', 'ok\n::set-output name=x::1\n'],
    ['after white space (the runner trims)', '  \t::add-path::/x\n'],
    ['the legacy ##[ anywhere in a line', 'text ##[set-env name=A;]b\n'],
    ['a stop-commands of its own', '::stop-commands::evil\n::error::x\n'],
  ])('%s: wrapped in stop-commands with a fresh token', (_n, text) => {
    const { s, out } = stream();
    s.write(text, true);
    expect(out()).toBe(`::stop-commands::${TOKEN()}\n${text}::${TOKEN()}::\n`);
  });

  test('plain text passes as it is', () => {
    const { s, out } = stream();
    s.write('deploy-token: all good: a::b and #[x]\n', true);
    expect(out()).toBe('deploy-token: all good: a::b and #[x]\n');
  });

  test('a command split over two writes is seen whole, and the wrap starts on a new line', () => {
    const { s, out } = stream();
    s.write(':', true);
    s.write(':set-output name=x::1\n', true);
    expect(out()).toBe(`:\n::stop-commands::${TOKEN()}\n:set-output name=x::1\n::${TOKEN()}::\n`);
    const b = stream();
    b.s.write('see ##', true);
    b.s.write('[set-env name=A;]1', true);
    expect(b.out()).toBe(`see ##\n::stop-commands::${TOKEN()}\n[set-env name=A;]1\n::${TOKEN()}::\n`);
  });

  test('text continuing a line that does not start a command is not wrapped', () => {
    const { s, out } = stream();
    s.write('abc', true);
    s.write('::x::y\n', true);
    expect(out()).toBe('abc::x::y\n');
  });

  test('our own commands always start a line', () => {
    const { s, out } = stream();
    s.write('half a line', true);
    s.command(commandLine('add-mask', 'x'));
    expect(out()).toBe('half a line\n::add-mask::x\n');
  });
});

describe('guardOutput: the three channels', () => {
  function channels(github: boolean, isTTY = false) {
    let out = '';
    let err = '';
    const scrubber = new Scrubber();
    scrubber.add('s3cret-value-1234');
    const o = guardOutput(
      { stdout: { write: (t) => void (out += t), isTTY }, stderr: { write: (t) => void (err += t), isTTY } },
      scrubber,
      { github, token: TOKEN },
    );
    return { o, out: () => out, err: () => err };
  }

  test('stdout and stderr: masked (derived forms and token shapes too) and cleaned', () => {
    const c = channels(false);
    c.o.stdout.write(
      `a s3cret-value-1234 b ${Buffer.from('s3cret-value-1234').toString('base64')} \u001b[2J\u202e\n`,
    );
    c.o.stderr.write('glpat-abcdefghijklmnopqrstuvwxyz\n');
    expect(c.out()).toBe('a [MASKED] b [MASKED] ?[2J?\n');
    expect(c.err()).toBe('[MASKED]\n');
  });

  test('payload: as it is (the secret the user asked for)', () => {
    const c = channels(true);
    c.o.payload.write("export CI_DEPLOY_PASSWORD='s3cret-value-1234'\n");
    expect(c.out()).toBe("export CI_DEPLOY_PASSWORD='s3cret-value-1234'\n");
  });

  test('in a GitHub step, stdout and stderr are inert; commands are escaped', () => {
    const c = channels(true);
    c.o.stderr.write('x\n::set-output name=a::1\n');
    c.o.command('add-mask', 'a%b\nc');
    expect(c.err()).toBe(`::stop-commands::${TOKEN()}\nx\n::set-output name=a::1\n::${TOKEN()}::\n`);
    expect(c.out()).toBe('::add-mask::a%25b%0Ac\n');
  });

  test('our colours reach a terminal only; nobody else’s', () => {
    const tty = channels(false, true);
    tty.o.stdout.write('\u001b[1mbold\u001b[22m \u001b[8mhidden\u001b[0m\n');
    expect(tty.out()).toBe('\u001b[1mbold\u001b[22m ?[8mhidden\u001b[0m\n');
    const log = channels(false, false);
    log.o.stdout.write('\u001b[1mbold\u001b[22m\n');
    expect(log.out()).toBe('?[1mbold?[22m\n');
  });
});

describe('text', () => {
  test('cleanText keeps new lines and tabs, replaces C0, C1, bidi and invisible characters', () => {
    expect(cleanText('a\tb\nc\rd\u0007e\u009bf\u202eg\u2066h\u200bi\ufeffj')).toBe('a\tb\nc?d?e?f?g?h?i?j');
  });
  test('oneLine folds white space', () => {
    expect(oneLine('a\nb\r\tc\u001b')).toBe('a b  c?');
  });
  test('safeJson: the same value, nothing raw, no ##[', () => {
    const v = { a: 'x\u202e\u001b[2J##[set-env]\u2028', b: [1, 'y'] };
    const j = safeJson(v, 2);
    expect(JSON.parse(j)).toEqual(v);
    expect(j).not.toMatch(/[\u202e\u001b\u2028]|##\[/);
    expect(escapeJsonUnsafe('"\u0085"')).toBe('"\\u0085"');
  });
  test('escapeProperty as @actions/core', () => {
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    expect(commandLine('warning', 'm', { file: 'a,b.yml', line: '3' })).toBe(
      '::warning file=a%2Cb.yml,line=3::m\n',
    );
  });
});

describe('which values meant as usernames may be secrets', () => {
  test.each([
    ['gitlab+deploy-token-11', false],
    ['deployer.ci_bot-1', false],
    ['gldt-abcdefghijklmnopqrstu', true],
    ['acme-gldt-abcdefghijklmnopqrstu', true],
    ['Xk3PqL9mZt2VwR8sNb4Y', true],
    ['p@ss/W0rd+Secret=Value!', true],
    ['cEBzcy9XMHJkK1NlY3JldD1WYWx1ZSE=', true],
    ['p%40ss%2FW0rd', true],
    ['a'.repeat(256), true],
  ])('%s → %s', (v, secret) => {
    expect(mayBeSecret(v)).toBe(secret);
  });
  test('mayBeToken: prefixes and mixed token alphabets only', () => {
    expect(mayBeToken('glpat-abcdefghijklmnopqrstu')).toBe(true);
    expect(mayBeToken('all_lower_case_name_here')).toBe(false);
  });
});

describe('Runner (on @actions/core)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dt-runner-'));
    for (const f of ['env', 'out', 'summary', 'state']) writeFileSync(join(dir, f), '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
  });

  test('setSecret registers every derived form with the runner, and masks them in what it prints', async () => {
    let out = '';
    await inRunner(env(), { write: (t) => void (out += t) }, async () => {
      const r = new Runner();
      r.setSecret('Pa55-word-with/odd+chars');
      r.annotate(
        'warning',
        `it was Pa55-word-with/odd+chars and ${encodeURIComponent('Pa55-word-with/odd+chars')}\n::set-output x`,
        { file: 'deploy-token.yml', line: 7 },
      );
    });
    const masks = out.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::Pa55-word-with/odd+chars');
    expect(masks).toContain(`::add-mask::${Buffer.from('Pa55-word-with/odd+chars').toString('base64')}`);
    expect(out.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([
      '::warning file=deploy-token.yml,line=7::it was [MASKED] and [MASKED]%0A::set-output x',
    ]);
  });

  test('summary: a table without a header row, scrubbed and escaped; state for the post step', async () => {
    await inRunner(env(), { write: () => undefined }, async () => {
      const r = new Runner();
      r.setSecret('Pa55-word-with/odd+chars');
      r.summary('deploy-token', [['rule', 'x | <b>y</b> [l](u) Pa55-word-with/odd+chars\n\u202e']]);
      r.saveState('manifest', '{"a":1}\nline', 'configure');
    });
    const summary = readFileSync(join(dir, 'summary'), 'utf8');
    expect(summary.startsWith('<h3>deploy-token</h3>')).toBe(true);
    expect(summary).not.toContain('<th>');
    expect(summary).toContain('<tr><td>rule</td><td>x | &lt;b&gt;y&lt;/b&gt; [l](u) [MASKED] ?</td></tr>');
    expect(parseGithubFile(readFileSync(join(dir, 'state'), 'utf8'))).toEqual({ manifest: '{"a":1}\nline' });
  });

  test('outputs are scrubbed; GITHUB_ENV and the password output carry the value', async () => {
    await inRunner(env(), { write: () => undefined }, async () => {
      const r = new Runner();
      r.setSecret('Pa55-word-with/odd+chars');
      r.exportAll([{ name: 'CI_DEPLOY_PASSWORD', value: 'Pa55-word-with/odd+chars', secret: true }], {
        username: 'Pa55-word-with/odd+chars',
        password: 'Pa55-word-with/odd+chars',
      });
    });
    expect(parseGithubFile(readFileSync(join(dir, 'out'), 'utf8'))).toEqual({
      username: '[MASKED]',
      password: 'Pa55-word-with/odd+chars',
    });
    expect(parseGithubFile(readFileSync(join(dir, 'env'), 'utf8'))).toEqual({
      CI_DEPLOY_PASSWORD: 'Pa55-word-with/odd+chars',
    });
  });

  test('saveState without GITHUB_STATE is refused, naming what needs it', async () => {
    await inRunner({}, { write: () => undefined }, async () => {
      expect(() => new Runner().saveState('manifest', 'x', 'input configure')).toThrow(
        /input configure needs GITHUB_STATE/,
      );
    });
  });
});
