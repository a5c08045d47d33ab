/**
 * The components as a real pipeline runs them, beyond the schema (component.test.ts):
 * - pinned: each runs the deploy-token version it was released with — the `version` input's default
 *   is package.json's version (scripts/stamp-version.mjs writes it; `npm version` runs it), no
 *   `latest` anywhere, and every `npx` names `deploy-token@${DEPLOY_TOKEN_VERSION}`;
 * - on node:24-alpine; npm's cache in the project directory, kept between jobs by `cache:` under a
 *   key that changes with the version;
 * - `rules:` that never give one push two copies of a job (branch and merge request pipeline) and,
 *   by default, never start a merge request pipeline of their own;
 * - the check job has a dotenv artifact only with `export: dotenv`;
 * - the GitLab ≤ 15.0 template (examples/gitlab/legacy/deploy-token.yml) is the same job: the same
 *   script lines, the component's defaults as variables, the same pin, GitLab's schema.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import {
  defaults,
  evaluateIf,
  interpolate,
  jobRuns,
  jobsOf,
  loadComponent,
  read,
  root,
  schemaErrors,
  templateFiles,
  type InputValue,
} from './gitlab-ci.js';

const pkg = JSON.parse(read('package.json')) as { version: string };
type Job = Record<string, unknown>;

/** A job of an interpolated component with its `extends` merged in (one level, as the templates use). */
function job(file: string, inputs: Record<string, InputValue> = {}, name?: string): Job {
  const c = loadComponent(file);
  const body = interpolate(c.body, { ...defaults(c), ...inputs }) as Record<string, Job>;
  const j = body[name ?? String(inputs['job-name'] ?? c.inputs.get('job-name')?.default)];
  if (!j) throw new Error(`${file}: no job ${name}`);
  const base = typeof j.extends === 'string' ? body[j.extends] : undefined;
  if (typeof j.extends === 'string' && !base)
    throw new Error(`${file}: extends ${j.extends} is not in the file`);
  return { ...base, ...j, variables: { ...(base?.variables as Job), ...(j.variables as Job) } };
}

/** Every job of a component that runs deploy-token (its hidden `.deploy-token` included). */
function npxJobs(file: string): [string, Job][] {
  const c = loadComponent(file);
  const body = interpolate(c.body, defaults(c)) as Record<string, Job>;
  return Object.entries(body).filter(([, j]) => JSON.stringify(j).includes('npx '));
}

describe.each(templateFiles)('%s', (file) => {
  const c = loadComponent(file);

  test('pinned: the `version` default is package.json’s version, and nothing asks for latest', () => {
    expect(c.inputs.get('version')?.default).toBe(pkg.version);
    expect(read(file)).not.toMatch(/latest/);
    const r = spawnSync(process.execPath, ['scripts/stamp-version.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  test('every npx runs deploy-token@${DEPLOY_TOKEN_VERSION}, and that variable is the `version` input', () => {
    const jobs = npxJobs(file);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [name, j] of jobs) {
      const lines = JSON.stringify([j.before_script, j.script]);
      const npx = [...lines.matchAll(/npx ([^\n]*?)(?:plan|resolve|validate|exec)\b/g)].map((m) => m[1]);
      expect([name, npx.length > 0]).toEqual([name, true]);
      for (const n of npx)
        expect([name, n]).toEqual([name, '--yes \\"deploy-token@${DEPLOY_TOKEN_VERSION}\\" ']);
      expect([name, (j.variables as Job).DEPLOY_TOKEN_VERSION]).toEqual([name, pkg.version]);
    }
  });

  test('image node:24-alpine by default', () => {
    expect(c.inputs.get('image')?.default).toBe('node:24-alpine');
  });

  test('npm’s cache in the project directory, kept by `cache:` under a key that follows the version', () => {
    for (const [name, j] of npxJobs(file)) {
      const dir = String((j.variables as Job).npm_config_cache);
      // The pinned version, once cached, runs without asking the registry (exact versions never change).
      expect([name, (j.variables as Job).npm_config_prefer_offline]).toEqual([name, 'true']);
      expect([name, dir]).toEqual([name, expect.stringMatching(/^\$CI_PROJECT_DIR\/[^/]+$/)]);
      const rel = dir.replace('$CI_PROJECT_DIR/', '');
      const caches = j.cache as { key: string; paths: string[] }[];
      expect(caches.some((k) => k.paths.map((p) => p.replace(/\/$/, '')).includes(rel))).toBe(true);
      expect(caches.some((k) => k.key.includes(pkg.version))).toBe(true);
      // Another version, another key: a cache never mixes two versions' installs.
      const other = interpolate(c.body, { ...defaults(c), version: '9.9.9' }) as Record<string, Job>;
      expect(JSON.stringify((other[name] as Job).cache)).toContain('9.9.9');
    }
  });

  // The pipelines one push can make, with GitLab's predefined variables.
  const pushNoMr = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature', CI_COMMIT_REF_NAME: 'feature' };
  const branchWithMr = { ...pushNoMr, CI_OPEN_MERGE_REQUESTS: 'tanuki/awesome_project!7' };
  const mrPipeline = {
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '7',
    CI_COMMIT_REF_NAME: 'feature',
  };
  const tag = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: '1.2.3', CI_COMMIT_REF_NAME: '1.2.3' };
  const schedule = { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' };

  test.each([false, true])(
    'merge-request-pipelines: %s — one copy per push, in branch, tag and scheduled pipelines',
    (mr) => {
      const rules = job(file, { 'merge-request-pipelines': mr }).rules as Job[];
      for (const p of [pushNoMr, tag, schedule]) expect([p, jobRuns(rules, p)]).toEqual([p, true]);
      // A push to a branch with an open merge request: exactly one of its two pipelines has the job.
      expect(Number(jobRuns(rules, branchWithMr)) + Number(jobRuns(rules, mrPipeline))).toBe(1);
      // false: never in a merge request pipeline, so the job cannot start one; true: there.
      expect(jobRuns(rules, mrPipeline)).toBe(mr);
    },
  );
});

test('the rules evaluator reads GitLab’s expressions as GitLab does (statement_spec cases)', () => {
  const vars = { PRESENT: 'my variable', EMPTY: '' };
  expect(evaluateIf('$PRESENT == "my variable"', vars)).toBe(true);
  expect(evaluateIf('"my variable" == $PRESENT', vars)).toBe(true);
  expect(evaluateIf('$UNDEFINED == null', vars)).toBe(true);
  expect(evaluateIf('$PRESENT && $EMPTY', vars)).toBe('');
  expect(evaluateIf('$EMPTY && "string"', vars)).toBe('string');
  expect(evaluateIf('$UNDEFINED || $PRESENT', vars)).toBe('my variable');
  expect(evaluateIf('("string" == ("test" || "string"))', vars)).toBe(false);
  expect(evaluateIf('"true" == "true" && $PRESENT != "nope"', vars)).toBe(true);
  expect(evaluateIf('$PRESENT =~ /^my var/', vars)).toBe(true);
  expect(evaluateIf('$UNDEFINED =~ /var/', vars)).toBe(false);
  expect(evaluateIf('$UNDEFINED !~ /var/', vars)).toBe(true);
  expect(() => evaluateIf('$PRESENT =~ "my"', vars)).toThrow(/rules:if/);
  expect(() => evaluateIf('$PRESENT === "my"', vars)).toThrow(/rules:if/);
});

describe('templates/deploy-token.yml: the dotenv artifact', () => {
  const FILE = 'templates/deploy-token.yml';
  test('export: plan has no artifact; export: dotenv has the dotenv report; both validate', () => {
    const plan = job(FILE);
    expect(plan.artifacts).toBeUndefined();
    const dotenv = job(FILE, { export: 'dotenv' });
    expect(dotenv.artifacts).toEqual(expect.objectContaining({ reports: { dotenv: 'deploy-token.env' } }));
    for (const j of [plan, dotenv]) expect(schemaErrors({ 'deploy-token-check': j })).toEqual([]);
  });
});

describe('examples/gitlab/legacy/deploy-token.yml: the same job for GitLab ≤ 15.0', () => {
  const LEGACY = 'examples/gitlab/legacy/deploy-token.yml';
  const legacy = parse(read(LEGACY)) as Record<string, Job>;
  const component = job('templates/deploy-token.yml');
  const c = loadComponent('templates/deploy-token.yml');

  test('plain CI/CD configuration (no spec:, no $[[ ]]) that GitLab’s schema accepts', () => {
    expect(read(LEGACY)).not.toContain('$[[');
    expect(Object.keys(legacy)).toEqual(['deploy-token-check', '.deploy-token']);
    expect(schemaErrors(legacy)).toEqual([]);
    expect(jobsOf(legacy).map(([n]) => n)).toEqual(['deploy-token-check']);
  });

  test('the check job: the component’s script, image, stage and cache, its defaults as variables', () => {
    const j = legacy['deploy-token-check'] as Job;
    expect(j.script).toEqual(component.script);
    expect([j.stage, j.image]).toEqual([component.stage, component.image]);
    const cv = component.variables as Record<string, unknown>;
    const lv = j.variables as Record<string, unknown>;
    expect(Object.keys(lv).sort()).toEqual(Object.keys(cv).sort());
    for (const [k, v] of Object.entries(cv)) expect([k, String(lv[k])]).toEqual([k, String(v)]);
    expect(JSON.stringify(j.cache)).toBe(
      JSON.stringify(component.cache).replace(pkg.version, '$DEPLOY_TOKEN_VERSION'),
    );
    // Never in a merge request pipeline (the component's default).
    expect(jobRuns(j.rules as Job[], { CI_PIPELINE_SOURCE: 'merge_request_event' })).toBe(false);
    expect(jobRuns(j.rules as Job[], { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' })).toBe(true);
  });

  test('.deploy-token: the component’s before_script and cache, its defaults as variables', () => {
    const body = interpolate(c.body, defaults(c)) as Record<string, Job>;
    const mine = legacy['.deploy-token'] as Job;
    const theirs = body['.deploy-token'] as Job;
    expect(mine.before_script).toEqual(theirs.before_script);
    expect(mine.variables).toEqual(theirs.variables);
  });
});

test('scripts/stamp-version.mjs stamps a new version into every pin, and --check finds drift', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dt-stamp-'));
  try {
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    mkdirSync(join(dir, 'examples/gitlab/legacy'), { recursive: true });
    cpSync(
      join(root, 'examples/gitlab/legacy/deploy-token.yml'),
      join(dir, 'examples/gitlab/legacy/deploy-token.yml'),
    );
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '3.4.5' }));
    const stamp = (...a: string[]) =>
      spawnSync(process.execPath, [join(root, 'scripts/stamp-version.mjs'), ...a, dir], { encoding: 'utf8' });
    expect(stamp('--check').status).toBe(1);
    expect(stamp().status).toBe(0);
    expect(stamp('--check').status).toBe(0);
    for (const f of templateFiles) {
      const before = read(f);
      const after = readFileSync(join(dir, f), 'utf8');
      expect(loadComponent(f).inputs.get('version')?.default).toBe(pkg.version);
      // Only the pinned scalar changed.
      expect(after).toBe(before.replace(`default: '${pkg.version}'`, "default: '3.4.5'"));
    }
    const legacy = parse(
      readFileSync(join(dir, 'examples/gitlab/legacy/deploy-token.yml'), 'utf8'),
    ) as Record<string, Job>;
    expect((legacy['deploy-token-check']?.variables as Job).DEPLOY_TOKEN_VERSION).toBe('3.4.5');
    expect((legacy['.deploy-token']?.variables as Job).DEPLOY_TOKEN_VERSION).toBe('3.4.5');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
