/**
 * The GitHub workflow examples (examples/github/*.yml) against the action they use (action.yml):
 * each uses `deploy-token/deploy-token@v1`, passes only declared inputs with valid values, gets the deploy
 * token from a secret through `env: CI_DEPLOY_PASSWORD`, reads only declared outputs, and never puts
 * a secret (or any `${{ }}` expression) on a `run:` command line or a password in the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CLIENT_NAMES } from '../../src/credentials/client-names.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; env?: Record<string, unknown> }>;
}

const action = parse(read('action.yml')) as ActionYml;
const ACTION = /^deploy-token\/deploy-token@v\d+$/;
const SECRET = /^\$\{\{\s*secrets\.[A-Z][A-Z0-9_]*\s*\}\}$/;
const EXPR = /^\$\{\{[^}]*\}\}$/;
const CLIENTS: readonly string[] = CLIENT_NAMES;
const BOOLEAN_INPUTS = ['dry-run', 'ephemeral', 'password-output'];
/** GitLab token shapes (glpat-, gldt-, …) and anything that looks like a literal credential. */
const TOKEN_SHAPE = /\bgl[a-z]{1,5}-[A-Za-z0-9_-]{8,}/;

const files = readdirSync(join(root, 'examples/github'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `examples/github/${f}`);

test('the four GitHub examples are there', () => {
  expect(files).toEqual([
    'examples/github/clone.yml',
    'examples/github/publish-package.yml',
    'examples/github/pull-image.yml',
    'examples/github/push-image.yml',
  ]);
});

describe.each(files)('%s', (file) => {
  const text = read(file);
  const wf = parse(text) as Workflow;
  const steps = Object.values(wf.jobs ?? {}).flatMap((j) => j.steps ?? []);
  const ours = steps.filter((s) => typeof s.uses === 'string' && s.uses.includes('/deploy-token@'));

  test('is a workflow: name, triggers, least-privilege permissions, jobs with steps', () => {
    expect(typeof wf.name).toBe('string');
    expect(wf.on).toBeDefined();
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(steps.length).toBeGreaterThan(0);
  });

  test('uses the action as deploy-token/deploy-token@v1', () => {
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) expect(s.uses).toMatch(ACTION);
  });

  test('every `with:` key is an input of action.yml, with a value it accepts', () => {
    for (const s of ours) {
      const w = s.with ?? {};
      expect(Object.keys(w).filter((k) => !(k in action.inputs))).toEqual([]);
      for (const [k, v] of Object.entries(w)) {
        // The runner passes every input as a string; YAML numbers and booleans would become strings
        // too, but quoting them here keeps the examples exact.
        expect([k, typeof v]).toEqual([k, 'string']);
        const value = String(v);
        if (EXPR.test(value)) continue;
        if (BOOLEAN_INPUTS.includes(k)) expect(['true', 'false']).toContain(value);
        if (k === 'export') expect(['env', 'output', 'none']).toContain(value);
        if (k === 'configure')
          expect(value.split(/[,\s]+/).filter((c) => c && !CLIENTS.includes(c))).toEqual([]);
        if (k === 'min-days-left') expect(value).toMatch(/^\d+$/);
        if (k === 'gitlab-url') expect(value).toMatch(/^https:\/\/[^/\s]+$/);
      }
      expect(w['password-output'] ?? 'false').toBe('false');
      expect(w.ephemeral ?? 'false').toBe('false');
    }
  });

  test('the deploy token comes from a secret as env CI_DEPLOY_PASSWORD, the API token from a secret', () => {
    for (const s of ours) {
      expect(String(s.env?.CI_DEPLOY_PASSWORD ?? '')).toMatch(SECRET);
      expect(String(s.with?.['gitlab-token'] ?? '')).toMatch(SECRET);
    }
  });

  test('no secret and no ${{ }} expression inside a `run:` command line', () => {
    for (const s of steps) {
      if (typeof s.run !== 'string') continue;
      expect([s.name ?? s.run, s.run]).not.toEqual([s.name ?? s.run, expect.stringMatching(/\$\{\{/)]);
      expect(s.run).not.toMatch(/secrets\./);
      expect(s.run).not.toMatch(/CI_DEPLOY_PASSWORD|--password\b|\s-p\s/);
    }
  });

  test('no password as a literal: every password- or token-like value is a secret expression', () => {
    expect(text).not.toMatch(TOKEN_SHAPE);
    const envs = [
      wf.env ?? {},
      ...Object.values(wf.jobs).map((j) => j.env ?? {}),
      ...steps.map((s) => ({ ...(s.env ?? {}), ...(s.with ?? {}) })),
    ];
    for (const e of envs) {
      for (const [k, v] of Object.entries(e)) {
        if (/password|token|secret/i.test(k))
          expect([k, String(v)]).toEqual([k, expect.stringMatching(SECRET)]);
      }
    }
  });

  test('reads only declared outputs of its own deploy-token step, never the password', () => {
    const ids = new Set(ours.map((s) => s.id).filter(Boolean));
    for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
      expect(ids.has(m[1] ?? '')).toBe(true);
      expect(Object.keys(action.outputs)).toContain(m[2]);
      expect(m[2]).not.toBe('password');
    }
  });
});

test('together the examples use configure git, docker and npm, dry-run, spec/job and the outputs', () => {
  const all = files.map((f) => parse(read(f)) as Workflow);
  const withs = all.flatMap((wf) =>
    Object.values(wf.jobs).flatMap((j) =>
      j.steps.filter((s) => s.uses?.includes('/deploy-token@')).map((s) => s.with ?? {}),
    ),
  );
  expect(new Set(withs.map((w) => w.configure))).toEqual(new Set(['git', 'docker', 'npm']));
  expect(withs.some((w) => 'dry-run' in w)).toBe(true);
  expect(withs.some((w) => 'spec' in w && 'job' in w)).toBe(true);
  expect(files.some((f) => /steps\.[\w-]+\.outputs\./.test(read(f)))).toBe(true);
});
