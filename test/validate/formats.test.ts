/**
 * The machine-readable outputs: SARIF 2.1.0 and GitLab Code Quality validate against their schemas
 * (test/validate/schemas/, see its README for the sources), fingerprints are stable when lines move,
 * GitHub annotations are escaped, JSON keeps the Finding shape.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Finding } from '../../src/validate/finding.js';
import { formatCodeQuality } from '../../src/validate/format/codequality.js';
import { formatGithub } from '../../src/validate/format/github.js';
import { formatJson } from '../../src/validate/format/json.js';
import { formatSarif } from '../../src/validate/format/sarif.js';
import { formatText } from '../../src/validate/format/text.js';
import { RULES } from '../../src/validate/known-rules.js';
import { runValidate } from '../../src/validate/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = (name: string) =>
  JSON.parse(readFileSync(`${root}test/validate/schemas/${name}`, 'utf8')) as Record<string, unknown>;

function sarifValidator() {
  const s = schema('sarif-2.1.0-rtm.5.json');
  // draft-04 `id` → `$id` for ajv 8; `$schema` names a dialect ajv 8 does not load.
  s.$id = s.id;
  delete s.id;
  delete s.$schema;
  // unicodeRegExp: false — the schema's `language` pattern is not valid with the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (v: string) => /^[a-z][a-z0-9+.-]*:/i.test(v));
  ajv.addFormat('uri-reference', () => true);
  ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
  return ajv.compile(s);
}

function codeQualityValidator() {
  const s = schema('gitlab-codequality.schema.json');
  delete s.$schema;
  return new Ajv({ strict: false, allErrors: true }).compile(s);
}

async function run(
  files: string[],
  format: 'sarif' | 'codequality' | 'json' | 'github' | 'text',
): Promise<string> {
  let out = '';
  await runValidate(files, { format, cwd: root }, { write: (s) => (out += s) }, { write: () => undefined });
  return out;
}

const ERR = [
  'test/validate/err/ci-token-in-log.gitlab-ci.yml',
  'test/validate/err/spec-schema.yml',
  'test/validate/err/ci-include.gitlab-ci.yml',
];

const sample: Finding[] = [
  {
    ruleId: 'token-in-log',
    severity: 'error',
    message: 'echo prints 100% of it, really',
    file: 'a,b:c.yml',
    line: 3,
    col: 5,
    endLine: 3,
    endCol: 9,
  },
  {
    ruleId: 'missing-guard',
    severity: 'warning',
    message: 'line one\nline two',
    file: '.gitlab-ci.yml',
    line: 1,
    col: 1,
  },
  {
    ruleId: 'push-scope',
    severity: 'info',
    message: 'hint',
    file: '.gitlab-ci.yml',
    line: 2,
    col: 1,
    endLine: 2,
    endCol: 4,
  },
];

describe('sarif', () => {
  const validate = sarifValidator();
  it('validates against the SARIF 2.1.0 schema, with every rule and its help', async () => {
    const log = JSON.parse(await run(ERR, 'sarif')) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run0.tool.driver.rules) expect(r.help.text.length).toBeGreaterThan(20);
    expect(run0.results.length).toBeGreaterThan(10);
    for (const r of run0.results) {
      expect(run0.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('has fingerprints that survive moved lines and differ between findings', () => {
    const src = new Map([['a,b:c.yml', 'x\ny\n  - echo $CI_DEPLOY_PASSWORD\n']]);
    const moved = new Map([['a,b:c.yml', 'new line\nx\ny\n  - echo $CI_DEPLOY_PASSWORD\n']]);
    const f0 = sample[0]!;
    const fp = (s: Map<string, string>, f: Finding) =>
      (
        JSON.parse(formatSarif([f], s)) as {
          runs: { results: { partialFingerprints: Record<string, string> }[] }[];
        }
      ).runs[0]!.results[0]!.partialFingerprints;
    expect(fp(src, f0)).toEqual(fp(moved, { ...f0, line: 4, endLine: 4 }));
    const all = JSON.parse(formatSarif(sample, src)) as {
      runs: { results: { partialFingerprints: { primaryLocationLineHash: string } }[] }[];
    };
    const hashes = all.runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('is valid with no finding, and the schema does reject a broken log', () => {
    expect(validate(JSON.parse(formatSarif([], new Map())))).toBe(true);
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('codequality', () => {
  const validate = codeQualityValidator();
  it('validates against the GitLab Code Quality format, unique fingerprints', async () => {
    const issues = JSON.parse(await run(ERR, 'codequality')) as {
      fingerprint: string;
      severity: string;
      location: { path: string };
    }[];
    expect(validate(issues)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
    expect(issues.length).toBeGreaterThan(10);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.some((i) => i.location.path === 'test/validate/err/includes/login.yml')).toBe(true);
  });
  it('maps severities: error → major, warning → minor, info → info', () => {
    const issues = JSON.parse(formatCodeQuality(sample, new Map())) as { severity: string }[];
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor', 'info']);
    expect(validate(issues)).toBe(true);
    expect(validate([{ description: 'x', check_name: 'y' }])).toBe(false);
  });
});

describe('github', () => {
  it('writes workflow commands with escaped properties and data', () => {
    expect(formatGithub(sample)).toBe(
      '::error file=a%2Cb%3Ac.yml,line=3,col=5,endLine=3,endColumn=9,title=token-in-log::echo prints 100%25 of it, really [token-in-log]\n' +
        '::warning file=.gitlab-ci.yml,line=1,col=1,title=missing-guard::line one%0Aline two [missing-guard]\n' +
        '::notice file=.gitlab-ci.yml,line=2,col=1,endLine=2,endColumn=4,title=push-scope::hint [push-scope]\n',
    );
  });
  it('annotates real findings', async () => {
    const out = await run(['test/validate/err/ci-login-password.gitlab-ci.yml'], 'github');
    expect(out.split('\n')[0]).toBe(
      '::error file=test/validate/err/ci-login-password.gitlab-ci.yml,line=8,col=39,endLine=8,endColumn=61,title=password-on-command-line::docker login gets the deploy token on the command line; expected it on stdin with --password-stdin [password-on-command-line]',
    );
  });
});

describe('json', () => {
  it('is the Finding list', async () => {
    const list = JSON.parse(await run(['test/validate/err/spec-dotenv-export.yml'], 'json')) as Finding[];
    expect(list).toEqual([
      {
        ruleId: 'dotenv-export',
        severity: 'warning',
        message:
          'dotenv variables are not masked and stay in an artifact; expected exec or the shell export in the same job',
        file: 'test/validate/err/spec-dotenv-export.yml',
        line: 5,
        col: 21,
        endLine: 5,
        endCol: 27,
      },
    ]);
    expect(formatJson([])).toBe('[]\n');
  });
});

describe('text', () => {
  it('prints the source line and a caret under the span', () => {
    const out = formatText([sample[0]!], new Map([['a,b:c.yml', 'x\ny\n  - echo $CI_DEPLOY_PASSWORD\n']]));
    expect(out).toBe(
      'a,b:c.yml:3:5: echo prints 100% of it, really [token-in-log]\n3 |   - echo $CI_DEPLOY_PASSWORD\n  |     ^~~~\n',
    );
  });
  it('keeps tabs so the caret lines up, and colours only when asked', () => {
    const f: Finding = {
      ruleId: 'syntax',
      severity: 'error',
      message: 'm',
      file: 'f',
      line: 1,
      col: 3,
      endLine: 1,
      endCol: 4,
    };
    expect(formatText([f], new Map([['f', '\t\tx']]))).toBe('f:1:3: m [syntax]\n1 | \t\tx\n  | \t\t^\n');
    expect(formatText([f], new Map([['f', '\t\tx']]), true)).toContain('\x1b[31m^\x1b[0m');
  });
  it('prints nothing without findings', () => {
    expect(formatText([], new Map())).toBe('');
  });
});

describe('text, long lines and whole-file findings', () => {
  it('shows a window of a very long line, caret still under the span', () => {
    const line = `${'a'.repeat(300)}TOKEN${'b'.repeat(300)}`;
    const f: Finding = {
      ruleId: 'plain-password',
      severity: 'error',
      message: 'm',
      file: 'f',
      line: 1,
      col: 301,
      endLine: 1,
      endCol: 306,
    };
    const [, src, caret] = formatText([f], new Map([['f', line]])).split('\n');
    expect(src!.length).toBeLessThan(180);
    expect(src!.indexOf('TOKEN')).toBe(caret!.indexOf('^'));
    expect(caret!.slice(caret!.indexOf('^'))).toBe('^~~~~');
  });
  it('prints no source line for a whole-file finding', () => {
    const f: Finding = {
      ruleId: 'file-too-large',
      severity: 'error',
      message: 'm',
      file: 'f',
      line: 1,
      col: 1,
    };
    expect(formatText([f], new Map([['f', 'x: 1']]))).toBe('f:1:1: m [file-too-large]\n');
  });
});

describe('text output: what comes from the file is shown, never obeyed by the terminal', () => {
  // ESC sequences (clear screen, colour, a hyperlink), C1 CSI, bidi overrides and zero-width
  // characters in a line that has a finding, and in a key that a message quotes.
  const hostile = [
    '\x1b[2J\x1b[31m',
    '\x1b]8;;https://evil.example\x07link\x1b]8;;\x07',
    '\x9b1A',
    '\u202e\u2066\u200f',
    '\u200b\u200d\ufeff',
    '\u2028',
  ];
  it.each(hostile.map((h) => [JSON.stringify(h), h]))('%s', async (_name, h) => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-visible-'));
    try {
      writeFileSync(
        join(dir, '.gitlab-ci.yml'),
        `job:\n  rules: [{if: $CI_DEPLOY_PASSWORD}]\n  script:\n    - echo "$CI_DEPLOY_PASSWORD" # ${h}\n  extends: ".t${h}"\n`,
      );
      let out = '';
      const code = await runValidate(
        ['.gitlab-ci.yml'],
        { format: 'text', cwd: dir },
        { write: (s) => (out += s) },
        { write: () => undefined },
      );
      expect(code).toBe(1);
      expect(out).toContain('[token-in-log]');
      expect(out).toContain('[ci-extends]');
      expect(out).not.toMatch(
        /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/,
      );
      // The caret still sits under the word, with stand-ins one column each.
      const lines = out.split('\n');
      const at = lines.findIndex((l) => l.startsWith('4 | '));
      expect(lines[at + 1]!.indexOf('^') - lines[at]!.indexOf('echo')).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
