/**
 * Every finding of large files, whole, as recorded before the performance work of issue 19: the
 * bench's 2,000-job `.gitlab-ci.yml` and 500-job spec (generated-files.ts), and the same CI file with
 * mistakes seeded through its anchors, `<<` merges, extends, !reference and a few jobs of its own.
 * A faster reader or rule walk must give the very same findings: rule, severity, message (with its
 * via note), file, line, column and end, in the same order (JSON), and the same text report. The
 * digests below were taken from the code before that work; counts by rule come first, to say what
 * changed when a digest does not match.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidate, type ValidateFormat } from '../../src/validate/run.js';
import { ciFile, specFile, TEMPLATES } from './generated-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-validate-large-'));
  mkdirSync(join(dir, 'ci'));
  writeFileSync(join(dir, 'ci', 'templates.yml'), TEMPLATES);
  writeFileSync(join(dir, '.gitlab-ci.yml'), ciFile(2000));
  writeFileSync(join(dir, 'big-spec.yml'), specFile(500));
  mkdirSync(join(dir, 'seeded', 'ci'), { recursive: true });
  writeFileSync(join(dir, 'seeded', 'ci', 'templates.yml'), seededTemplates());
  writeFileSync(join(dir, 'seeded', '.gitlab-ci.yml'), seededCi(2000));
  writeFileSync(join(dir, 'seeded', 'big-spec.yml'), seededSpec(500));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The templates with a password on the command line (through extends) and an API call (!reference). */
function seededTemplates(): string {
  return TEMPLATES.replace(
    'echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"',
    'docker login -u "$CI_DEPLOY_USER" -p "$CI_DEPLOY_PASSWORD" "$CI_REGISTRY"',
  ).replace(
    '    - docker logout "$CI_REGISTRY"',
    '    - docker logout "$CI_REGISTRY"\n    - curl -u "$CI_DEPLOY_USER:$CI_DEPLOY_PASSWORD" "$CI_API_V4_URL/projects"',
  );
}

/** The bench's CI file with a log leak in the anchor and mistakes of their own in some jobs. */
function seededCi(jobs: number): string {
  const lines = ciFile(jobs)
    .replace('  tags: [docker]\n', '  tags: [docker]\n  after_script:\n    - echo "pw=$CI_DEPLOY_PASSWORD"\n')
    .split('\n');
  const out: string[] = [];
  let job = -1;
  for (const line of lines) {
    out.push(line);
    const m = /^build-(\d+):$/.exec(line);
    if (m) job = Number(m[1]);
    if (line !== '  script:' || job < 0) continue;
    if (job % 100 === 7) {
      out.push('    - git clone https://gitlab-ci-token:$CI_DEPLOY_PASSWORD@gitlab.example.com/g/p.git');
      out.push('    - git push git@gitlab.example.com:g/p.git');
    }
    if (job % 300 === 11) out.push('    - echo "$CI_DEPLOY_PASSWORD" > out/pw');
  }
  return out
    .join('\n')
    .replace(/(build-(\d*11):\n)/g, (all, head: string, n: string) =>
      Number(n) % 300 === 11 ? `${head}  artifacts:\n    paths: [out/]\n` : all,
    )
    .replace(/(build-(\d*99):\n {2}<<: \*defaults\n)/g, '$1  rules: [{when: always}]\n');
}

/** The bench's spec with an unknown template value, a dotenv export and a missing scope in some jobs. */
function seededSpec(jobs: number): string {
  return specFile(jobs)
    .split(/(?=^ {2}job-\d+:$)/m)
    .map((part) => {
      const n = Number(/^ {2}job-(\d+):/.exec(part)?.[1] ?? -1);
      let p = part;
      if (n % 50 === 3) p = p.replace('REGISTRY_USER: "{{ username }}"', 'REGISTRY_USER: "{{ usrname }}"');
      if (n % 70 === 5) p = p.replace('export: [shell]', 'export: [dotenv]');
      if (n % 90 === 1) p = p.replace(', write_registry,', ',');
      return p;
    })
    .join('');
}

async function validate(cwd: string, file: string, format: ValidateFormat): Promise<string> {
  let out = '';
  await runValidate([file], { format, cwd }, { write: (s) => (out += s) }, { write: () => undefined });
  return out;
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

function countsByRule(json: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of JSON.parse(json) as { ruleId: string }[]) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

interface Recorded {
  counts: Record<string, number>;
  json: string;
  text: string;
}

async function expectRecorded(cwd: string, file: string, want: Recorded): Promise<void> {
  const json = await validate(cwd, file, 'json');
  expect(countsByRule(json)).toEqual(want.counts);
  expect(digest(json)).toBe(want.json);
  expect(digest(await validate(cwd, file, 'text'))).toBe(want.text);
}

describe('validate of large files gives the findings recorded before issue 19', () => {
  it('the bench .gitlab-ci.yml of 2,000 jobs', async () => {
    await expectRecorded(dir, '.gitlab-ci.yml', {
      counts: { 'push-scope': 2000 },
      json: '6848ac20e2cb061373a9401675fab51d62a3140261faf9d04a5dd3dec623fcdc',
      text: '6d0f65cf5ada326bbb4f511119330578d814366cbca30fb1639d63e61aa5f5ba',
    });
  }, 60_000);
  it('the same file with mistakes seeded through anchors, merges, extends, !reference and own jobs', async () => {
    await expectRecorded(join(dir, 'seeded'), '.gitlab-ci.yml', {
      counts: {
        'git-push': 20,
        'missing-guard': 20,
        'password-on-command-line': 1,
        'public-api': 1,
        'push-scope': 2000,
        'token-in-artifact': 7,
        'token-in-log': 1,
        'token-in-url': 20,
        'token-over-ssh': 20,
      },
      json: '03218e287bec20fd1e4fdf8bfb840dca60900ac7e78e8702154d924fe65e8dbc',
      text: '50fa0080ad4dd9fe28948aa24bbbdb48d849eb896e7b1ed9651959cc583e5a02',
    });
  }, 60_000);
  it('the bench job spec of 500 jobs', async () => {
    await expectRecorded(dir, 'big-spec.yml', {
      counts: {},
      json: '37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570',
      text: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  }, 60_000);
  it('the same spec with mistakes seeded in some jobs', async () => {
    await expectRecorded(join(dir, 'seeded'), 'big-spec.yml', {
      counts: { 'dotenv-export': 8, 'scope-coverage': 6, 'template-unknown-value': 10 },
      json: 'f51b0d5ecf0e0f51a33720bf14180091bcdd9c9fa19189623e963f0f630a8eb0',
      text: '0125279d42e6d53c28b5df98ef45bbc0c610782165d5683093a22f4c8855f28a',
    });
  }, 60_000);
});
