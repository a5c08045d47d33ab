/**
 * The npm package as users get it: `npm pack` holds only what runs (dist/, action.yml, templates/,
 * schemas/, README.md, package.json, a LICENSE if any), installs offline from the tarball into a fresh
 * project, and its `deploy-token` bin answers --help, --version and runs the demo (exit 0).
 *
 * The bundles come from a fresh build into a staging copy (scripts/build.mjs <outdir>), never into
 * dist/: other test files read dist/ while this one runs, and the build empties its outdir first.
 * The file list is checked twice: `npm pack --dry-run` in the project (its `files` field as it is)
 * and the staged tarball.
 *
 * Slow (npm, a build, an install): 120 s per step.
 */
import { isBuiltin } from 'node:module';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SLOW = 120_000;
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  dependencies?: Record<string, string>;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; npm offline and quiet, no update check, no colour. */
function run(cmd: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? cwd,
        NO_COLOR: '1',
        NO_UPDATE_NOTIFIER: '1',
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_offline: 'true',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), SLOW - 5_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What may ship: the bundles, the action's metadata, the component templates, the schemas, docs. */
const ALLOWED = [
  /^dist\//,
  /^templates\//,
  /^schemas\//,
  /^action\.yml$/,
  /^README\.md$/,
  /^package\.json$/,
  /^LICEN[CS]E(\.\w+)?$/i,
];
const REQUIRED = [
  'package.json',
  'README.md',
  'action.yml',
  'dist/cli.js',
  'dist/index.js',
  'dist/post.js',
  'templates/deploy-token.yml',
  'templates/deploy-token-validate.yml',
  'schemas/deploy-token.schema.json',
];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

let tmp: string;
/** `npm pack --dry-run` of the project: what its `files` field ships today. */
let dryRun: string[] = [];
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dt-pack-'));
  const r = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], root);
  if (r.code !== 0) throw new Error(`npm pack --dry-run failed:\n${r.stderr}`);
  const [info] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
  dryRun = (info?.files ?? []).map((f) => f.path).sort();
}, SLOW);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  test('`npm pack --dry-run` of the project lists only what runs, and everything that does', () => {
    expect(dryRun.filter((f) => !ALLOWED.some((a) => a.test(f)))).toEqual([]);
    expect(REQUIRED.filter((f) => !dryRun.includes(f))).toEqual([]);
    // No sources, tests, fixtures, maps or dot files slip in through dist/ or templates/.
    expect(dryRun.filter((f) => /\.(ts|map)$|(^|\/)\.|(^|\/)(test|fixtures|node_modules)\//.test(f))).toEqual(
      [],
    );
  });
});

describe('the tarball, installed offline into a fresh project', () => {
  let tgz = '';
  let project = '';
  const bin = () => join(project, 'node_modules', '.bin', 'deploy-token');

  beforeAll(async () => {
    // Stage what `files` names, with bundles built fresh from src/.
    const stage = join(tmp, 'stage');
    mkdirSync(stage);
    const build = await run(process.execPath, ['scripts/build.mjs', join(stage, 'dist')], root);
    if (build.code !== 0) throw new Error(`build failed:\n${build.stderr}`);
    for (const f of ['package.json', ...pkg.files.filter((f) => !/^dist\/?$/.test(f))]) {
      if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });
    }
    for (const l of readdirSync(root).filter((f) => /^licen[cs]e/i.test(f)))
      cpSync(join(root, l), join(stage, l));
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], stage);
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    tgz = join(tmp, info?.filename ?? '');
    // A fresh project, and the tarball installed into it without the network.
    project = join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-deploy-token", "private": true }\n');
    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], project);
    if (install.code !== 0) {
      throw new Error(
        `npm install --offline of the tarball failed (it needs the network for: ${Object.keys(pkg.dependencies ?? {}).join(', ') || 'nothing'}):\n${install.stderr}`,
      );
    }
  }, 3 * SLOW);

  test('holds the same file list as the dry run of the project', async () => {
    const x = join(tmp, 'x');
    mkdirSync(x, { recursive: true });
    const r = await run('tar', ['-xzf', tgz, '-C', x], tmp);
    expect(r.code).toBe(0);
    // The same list but for dist/, built fresh here (chunk names follow their content).
    const files = listFiles(join(x, 'package'));
    const notDist = (l: string[]) => l.filter((f) => !f.startsWith('dist/'));
    expect(notDist(files)).toEqual(notDist(dryRun));
    expect(files.filter((f) => !ALLOWED.some((a) => a.test(f)))).toEqual([]);
    expect(REQUIRED.filter((f) => !files.includes(f))).toEqual([]);
  });

  test(
    '`npx deploy-token --help` and `--version` answer (exit 0)',
    async () => {
      const help = await run('npx', ['--no', '--', 'deploy-token', '--help'], project);
      expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: deploy-token')]);
      for (const c of ['resolve', 'plan', 'validate', 'exec', 'mask', 'demo', 'cleanup'])
        expect(help.stdout).toContain(c);
      const version = await run('npx', ['--no', '--', 'deploy-token', '--version'], project);
      expect([version.code, version.stdout.trim()]).toEqual([0, pkg.version]);
      expect(existsSync(bin())).toBe(true);
    },
    SLOW,
  );

  test(
    '`npx deploy-token demo` runs the whole flow offline (exit 0)',
    async () => {
      const r = await run('npx', ['--no', '--', 'deploy-token', 'demo'], project);
      expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
      expect(r.stdout).toContain('[MASKED]');
    },
    SLOW,
  );

  test(
    'the installed package runs without any of its dependencies (dist/ is fully bundled)',
    async () => {
      // The package alone, outside any node_modules tree: nothing left to resolve but node: built-ins.
      const alone = join(tmp, 'alone', 'deploy-token');
      cpSync(join(project, 'node_modules', 'deploy-token'), alone, { recursive: true });
      const r = await run(
        process.execPath,
        [join(alone, pkg.bin['deploy-token'] ?? 'dist/cli.js'), 'demo'],
        tmp,
      );
      expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
      // And no static import of a package in the bundles (optional require()s in try/catch aside).
      const bare = new Set<string>();
      for (const f of listFiles(join(alone, 'dist')).filter((f) => f.endsWith('.js'))) {
        const text = readFileSync(join(alone, 'dist', f), 'utf8');
        for (const m of text.matchAll(
          /^\s*import\s[^'"]*?['"]([^'"]+)['"]|^\s*export\s[^'"]*?from\s+['"]([^'"]+)['"]/gm,
        )) {
          const spec = m[1] ?? m[2] ?? '';
          // Built-ins may come without the node: prefix (bundled @actions/core writes `os`, `fs`).
          if (!spec.startsWith('.') && !isBuiltin(spec)) bare.add(spec);
        }
      }
      expect([...bare]).toEqual([]);
    },
    SLOW,
  );
});
