/**
 * Validation speed: a generated `.gitlab-ci.yml` of 2,000 jobs (anchors, `<<` merge keys, extends
 * and !reference, every job using the deploy token) and a job spec of 500 jobs. Prints milliseconds
 * and MB/s for the first (cold) run and the best of five. Target: both under one second. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runValidate } from '../src/validate/run.js';

function ciFile(jobs: number): string {
  const out: string[] = [
    'stages: [build, test, deploy]',
    'variables:',
    '  DOCKER_DRIVER: overlay2',
    '.defaults: &defaults',
    '  image: docker:27',
    '  tags: [docker]',
    '  rules:',
    '    - if: $CI_DEPLOY_PASSWORD',
    '.registry-login:',
    '  before_script:',
    '    - echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"',
    '.cleanup:',
    '  script:',
    '    - docker logout "$CI_REGISTRY"',
    '',
  ];
  // Jobs as large pipelines write them: the shared parts in templates and anchors, a few own lines.
  for (let i = 0; i < jobs; i++) {
    out.push(
      `build-${i}:`,
      '  <<: *defaults',
      '  extends: .registry-login',
      '  variables:',
      `    IMAGE: $CI_REGISTRY_IMAGE/service-${i}`,
      '  script:',
      '    - docker build -t "$IMAGE:$CI_COMMIT_SHA" .',
      '    - docker push "$IMAGE:$CI_COMMIT_SHA"',
      '    - !reference [.cleanup, script]',
      '',
    );
  }
  return out.join('\n');
}

function specFile(jobs: number): string {
  const out: string[] = [
    'version: 1',
    'gitlab:',
    '  url: https://gitlab.example.com',
    '  project: tanuki/awesome_project',
    'jobs:',
  ];
  for (let i = 0; i < jobs; i++) {
    out.push(
      `  job-${i}:`,
      '    scopes: [read_repository, read_registry, write_registry, read_package_registry]',
      '    configure: [docker, git, npm]',
      '    export: [shell]',
      '    variables:',
      '      REGISTRY_USER: "{{ username }}"',
      '      REGISTRY_AUTH: "{{ username }}:{{ password | base64 }}"',
      '    files:',
      '      - path: netrc',
      '        template: "machine {{ gitlab_host }} login {{ username }} password {{ password }}"',
      '        env: NETRC',
      '    run:',
      `      - docker pull $CI_REGISTRY_IMAGE/app-${i}:latest`,
      `      - docker push $CI_REGISTRY_IMAGE/app-${i}:latest`,
      '      - git clone https://gitlab.example.com/tanuki/awesome_project.git',
    );
  }
  return `${out.join('\n')}\n`;
}

const sink = {
  text: '',
  write(s: string) {
    this.text += s;
  },
};

/** Five runs in this process; the first is cold (a fresh process per file, as the CLI is). */
async function measure(label: string, dir: string, file: string): Promise<void> {
  const bytes = statSync(join(dir, file)).size;
  const runs: number[] = [];
  let code = -1;
  let output = '';
  for (let i = 0; i < 5; i++) {
    sink.text = '';
    const t0 = performance.now();
    code = await runValidate([file], { format: 'json', cwd: dir }, sink, {
      write: (s) => process.stderr.write(s),
    });
    runs.push(performance.now() - t0);
    output = sink.text;
  }
  const list = JSON.parse(output) as { severity: string }[];
  const by = (sev: string) => list.filter((f) => f.severity === sev).length;
  const findings = `${list.length} findings (${by('error')} errors, ${by('warning')} warnings, ${by('info')} hints)`;
  const best = Math.min(...runs);
  const first = runs[0] ?? 0;
  const mb = bytes / 1024 / 1024;
  console.log(`${label}: ${(bytes / 1024).toFixed(0)} KiB, exit ${code}, ${findings}`);
  console.log(
    `  first (cold) run: ${first.toFixed(0)} ms (${(mb / (first / 1000)).toFixed(2)} MB/s)  target < 1000 ms: ${first < 1000 ? 'met' : 'MISSED'}`,
  );
  console.log(`  best of 5:        ${best.toFixed(0)} ms (${(mb / (best / 1000)).toFixed(2)} MB/s)`);
}

if (process.argv[2] === '--one') {
  await measure(process.argv[5] ?? '', process.argv[3] ?? '.', process.argv[4] ?? '');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-token-bench-'));
  try {
    writeFileSync(join(dir, 'big.gitlab-ci.yml'), ciFile(2000));
    writeFileSync(join(dir, 'big-spec.yml'), specFile(500));
    const cases: [string, string][] = [
      ['big.gitlab-ci.yml', '.gitlab-ci.yml, 2,000 jobs with anchors, << merge keys, extends and !reference'],
      ['big-spec.yml', 'job spec, 500 jobs with templates, files and run commands'],
    ];
    for (const [file, label] of cases) {
      // A child process each, so the first run is as cold as a CLI start.
      spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--one', dir, file, label],
        { stdio: 'inherit' },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
