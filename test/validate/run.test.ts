/**
 * runValidate, the `validate` command without commander: default files, detection of specs and CI
 * files, exit codes 0 / 1 / 2 / 3, and never a stack trace.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectKind } from '../../src/validate/detect.js';
import { runValidate, type ValidateFormat } from '../../src/validate/run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-validate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
};

async function run(files: string[], format: ValidateFormat = 'text') {
  let out = '';
  let err = '';
  const code = await runValidate(
    files,
    { format, cwd: dir },
    { write: (s) => (out += s) },
    { write: (s) => (err += s) },
  );
  return { code, out, err };
}

const GOOD_SPEC = 'version: 1\njobs:\n  build:\n    scopes: [read_registry]\n    configure: [docker]\n';
const GOOD_CI =
  'pull:\n  rules: [{if: $CI_DEPLOY_PASSWORD}]\n  script:\n    - echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"\n';

describe('exit codes', () => {
  it('0 when no finding is an error (warnings and hints print but pass)', async () => {
    put('deploy-token.yml', `${GOOD_SPEC}    export: [dotenv]\n`);
    const r = await run(['deploy-token.yml']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[dotenv-export]');
  });
  it('1 when a finding is an error', async () => {
    put('deploy-token.yml', 'version: 1\njobs:\n  build:\n    scopes: [nope]\n');
    expect((await run(['deploy-token.yml'])).code).toBe(1);
  });
  it('2 for an unreadable file, after validating the others', async () => {
    put('deploy-token.yml', 'version: 1\njobs:\n  build:\n    scopes: [nope]\n');
    const r = await run(['missing.yml', 'deploy-token.yml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'deploy-token: error: cannot read missing.yml (ENOENT)\n  hint: no such file: check the path given to validate (relative to the working directory)\n',
    );
    expect(r.out).toContain('deploy-token.yml:4:14:');
    mkdirSync(join(dir, 'adir'));
    expect((await run(['adir'])).err).toContain('cannot read adir (EISDIR)');
  });
  it('2 for an unknown format', async () => {
    put('deploy-token.yml', GOOD_SPEC);
    const r = await run(['deploy-token.yml'], 'xml' as ValidateFormat);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown format "xml"');
  });
  it('3 for an internal error, as one line without a stack trace', async () => {
    put('deploy-token.yml', 'version: 1\njobs:\n  build:\n    scopes: [nope]\n');
    let err = '';
    const code = await runValidate(
      ['deploy-token.yml'],
      { format: 'text', cwd: dir },
      {
        write: () => {
          throw new Error('disk full');
        },
      },
      { write: (s) => (err += s) },
    );
    expect(code).toBe(3);
    expect(err).toBe(
      'deploy-token: error: internal error: disk full\n  hint: this is a bug in deploy-token: please report it with the command you ran\n',
    );
  });
});

describe('which files', () => {
  it('validates deploy-token.yml and, when present, .gitlab-ci.yml by default', async () => {
    put('deploy-token.yml', GOOD_SPEC);
    put('.gitlab-ci.yml', 'x:\n  script: ["docker login -u u -p $CI_DEPLOY_PASSWORD r"]\n');
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\.gitlab-ci\.yml:2:31: .*\[password-on-command-line\]$/m);
  });
  it('says what to do when there is nothing to validate', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no deploy-token.yml or .gitlab-ci.yml in');
  });
  it('prints paths relative to the working directory', async () => {
    put('ci/main.gitlab-ci.yml', 'x:\n  script: ["docker login -u u -p $CI_DEPLOY_PASSWORD r"]\n');
    const r = await run([join(dir, 'ci/main.gitlab-ci.yml')], 'json');
    expect((JSON.parse(r.out) as { file: string }[]).map((f) => f.file)).toEqual([
      'ci/main.gitlab-ci.yml',
      'ci/main.gitlab-ci.yml',
    ]);
  });
  it('uses the spec given with the CI file, or the one beside it, for push hints', async () => {
    const ciText = `${GOOD_CI}    - docker push "$CI_REGISTRY_IMAGE:1"\n`;
    put('.gitlab-ci.yml', ciText);
    expect((await run(['.gitlab-ci.yml'])).out).toContain('[push-scope]');
    put(
      'deploy-token.yml',
      'version: 1\njobs:\n  pull:\n    scopes: [read_registry, write_registry]\n    configure: [docker]\n',
    );
    expect((await run(['.gitlab-ci.yml'])).out).toBe('');
    put('other.yml', 'version: 1\njobs:\n  pull:\n    scopes: [read_registry]\n    configure: [docker]\n');
    expect((await run(['other.yml', '.gitlab-ci.yml'])).out).toContain(
      'and job "pull" of other.yml does not list write_registry',
    );
  });
});

describe('CI files on disk', () => {
  it('reads local includes by glob, relative to the top-level file, and reports into them', async () => {
    put('.gitlab-ci.yml', "include:\n  - local: '/ci/*.yml'\nbuild:\n  extends: .login\n  script: [make]\n");
    put(
      'ci/login.yml',
      '.login:\n  rules: [{if: $CI_DEPLOY_PASSWORD}]\n  before_script: [\'docker login -u u -p "$CI_DEPLOY_PASSWORD" r\']\n',
    );
    put('ci/other.yml', 'other:\n  script: [echo]\n');
    const r = await run(['.gitlab-ci.yml'], 'json');
    expect(
      (JSON.parse(r.out) as { file: string; line: number; ruleId: string }[]).map(
        (f) => `${f.file}:${f.line} ${f.ruleId}`,
      ),
    ).toEqual(['ci/login.yml:3 password-on-command-line']);
  });
  it('reads the content document after a spec: header', async () => {
    put(
      'templates/job.gitlab-ci.yml',
      "spec:\n  inputs:\n    stage: {default: test}\n---\njob:\n  script: ['docker login -u u -p $CI_DEPLOY_PASSWORD r']\n",
    );
    const r = await run(['templates/job.gitlab-ci.yml'], 'json');
    expect(
      (JSON.parse(r.out) as { line: number; ruleId: string }[]).map((f) => `${f.line} ${f.ruleId}`),
    ).toEqual(['5 missing-guard', '6 password-on-command-line']);
  });
});

describe('detecting a spec or a CI file', () => {
  it.each([
    ['.gitlab-ci.yml', 'anything: 1', 'ci'],
    ['build.gitlab-ci.yml', 'version: 1\njobs: {}', 'ci'],
    ['deploy-token.yml', 'stages: [a]', 'spec'],
    ['x.yml', 'version: 1\njobs:\n  a:\n    scopes: []\n', 'spec'],
    ['x.yml', 'stages: [build]\n', 'ci'],
    ['x.yml', 'include: a.yml\n', 'ci'],
    ['x.yml', 'build:\n  script: [make]\n', 'ci'],
    ['x.yml', 'something: else\n', 'spec'],
    ['x.yml', 'version: 1\njobs:\n  script: [make]\n', 'ci'],
    ['deploy-token.packages.yml', 'build:\n  script: [make]\n', 'spec'],
  ])('%s with %j is a %s', (name, text, kind) => {
    expect(detectKind(name, text)).toBe(kind);
  });
});
