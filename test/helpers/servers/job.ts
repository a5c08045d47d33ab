/**
 * The job the real-client tests run: the stand-in's project token (fixtures/scenarios/1-project-token)
 * with the scopes a test needs, a workspace with deploy-token.yml, and private RUNNER_TEMP, HOME and
 * TMPDIR under one temp root, so a sweep can read everything the run could have written.
 */
import { afterEach, expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { loadScenario, withScopes } from '../scenarios.js';
import { secretForms, sweep } from './deploy-token.js';

export const USER = 'gitlab+deploy-token-11';
export const PASSWORD = 'gldt-ProjToken11ProjToken1';
export const PROJECT = 'tanuki/awesome_project';

const base = loadScenario('1-project-token.json');

/** The project token (id 11) with exactly these scopes, so the job's scope checks pass. */
export function scenarioWithScopes(scopes: string[]): Scenario {
  return withScopes(base, 11, scopes);
}

/** The package registry's scopes on the project token: read only, and read and write. */
export const PACKAGES_READ = scenarioWithScopes(['read_package_registry']);
export const PACKAGES_WRITE = scenarioWithScopes(['read_package_registry', 'write_package_registry']);

/** A deploy token password GitLab does not know: the job's login must fail. */
export const WRONG_PASSWORD = 'gldt-WrongWrongWrongWrong';

/** The group token of fixtures/scenarios/3-group-token-17 (GitLab 17.5), with these scopes. */
export const GROUP_USER = 'tanuki-deployer';
export const GROUP_PASSWORD = 'gldt-GroupTok21GroupTok21';
export function groupScenarioWithScopes(scopes: string[]): Scenario {
  const sc = loadScenario('3-group-token-17.json');
  return {
    ...sc,
    groups: sc.groups.map((g) => ({ ...g, tokens: (g.tokens ?? []).map((t) => ({ ...t, scopes })) })),
  };
}

export interface JobDirs {
  root: string;
  work: string;
  runnerTemp: string;
  home: string;
  tmp: string;
  /** Everything a run may write to. */
  all: string[];
}

export function jobDirs(spec: string): JobDirs {
  const root = mkdtempSync(join(tmpdir(), 'dt-job-'));
  const d = {
    root,
    work: join(root, 'workspace'),
    runnerTemp: join(root, 'runner-temp'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
  };
  for (const p of [d.work, d.runnerTemp, d.home, d.tmp]) mkdirSync(p);
  writeFileSync(join(d.work, 'deploy-token.yml'), spec);
  return { ...d, all: [d.work, d.runnerTemp, d.home, d.tmp] };
}

export function removeJobDirs(d: JobDirs | undefined): void {
  if (d) rmSync(d.root, { recursive: true, force: true });
}

/** Job directories made on demand, each removed after its test: for clients that run side by side. */
export function jobsPerTest(spec: string): () => JobDirs {
  const made: JobDirs[] = [];
  afterEach(() => made.splice(0).forEach(removeJobDirs));
  return () => {
    const d = jobDirs(spec);
    made.push(d);
    return d;
  };
}

/** The environment of a CI job on this GitLab (CI_DEPLOY_* as the runner would inject them). */
export function jobEnv(
  d: JobDirs,
  gitlabUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    HOME: d.home,
    TMPDIR: d.tmp,
    RUNNER_TEMP: d.runnerTemp,
    GITLAB_TOKEN: base.apiTokens[0]!,
    CI_SERVER_URL: gitlabUrl,
    CI_PROJECT_PATH: PROJECT,
    CI_DEPLOY_USER: USER,
    CI_DEPLOY_PASSWORD: PASSWORD,
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/** The private directories deploy-token left in RUNNER_TEMP (none, after any run). */
export function privateDirsLeft(d: JobDirs): string[] {
  return readdirSync(d.runnerTemp).filter(
    (f) => f.startsWith('deploy-token-') && !f.startsWith('deploy-token-state'),
  );
}

/** After a run: no form of the secret anywhere the run could write, and no private directory left. */
export function expectNothingLeft(d: JobDirs, password = PASSWORD, user = USER): void {
  expect(sweep(d.all, secretForms(user, password))).toEqual([]);
  expect(privateDirsLeft(d)).toEqual([]);
}
