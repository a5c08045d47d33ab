/**
 * Running the built bundles (dist/cli.js, dist/index.js, dist/post.js) as users and the runner run
 * them: a fresh directory per run with a workspace, HOME, TMPDIR, RUNNER_TEMP and the runner's files
 * (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), an environment with nothing of
 * ours but PATH, and everything the run printed or left read back.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Place {
  root: string;
  work: string;
  home: string;
  tmp: string;
  runnerTemp: string;
  ghEnv: string;
  ghOut: string;
  ghState: string;
  ghSummary: string;
}

/** A fresh place for one run under `parent` (default: the system temp dir). */
export function place(parent = tmpdir()): Place {
  const root = mkdtempSync(join(parent, 'dt-rel-'));
  const p: Place = {
    root,
    work: join(root, 'work'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    runnerTemp: join(root, 'runner-temp'),
    ghEnv: join(root, 'gh-env'),
    ghOut: join(root, 'gh-out'),
    ghState: join(root, 'gh-state'),
    ghSummary: join(root, 'gh-summary'),
  };
  for (const d of [p.work, p.home, p.tmp, p.runnerTemp]) mkdirSync(d);
  for (const f of [p.ghEnv, p.ghOut, p.ghState, p.ghSummary]) writeFileSync(f, '');
  return p;
}

/** The environment of a run in `p`: the runner's files and directories, then `env`. */
export function placeEnv(p: Place, env: Record<string, string | undefined> = {}): Record<string, string> {
  const out: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: p.home,
    TMPDIR: p.tmp,
    RUNNER_TEMP: p.runnerTemp,
    GITHUB_ENV: p.ghEnv,
    GITHUB_OUTPUT: p.ghOut,
    GITHUB_STATE: p.ghState,
    GITHUB_STEP_SUMMARY: p.ghSummary,
  };
  const merged = { ...out, ...env };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number | undefined;
}

/** node <entry> args…, in `cwd`, with exactly `env`; killed after `timeoutMs`. */
export function runDist(
  entry: 'cli.js' | 'index.js' | 'post.js',
  args: string[],
  env: Record<string, string>,
  opts: { cwd?: string; input?: string; timeoutMs?: number; onSpawn?: (pid: number) => void } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', entry), ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, pid: child.pid });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const path = join(d, f);
      const st = statSync(path, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(path);
      else if (st?.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** What a run printed and left in the runner's files, as one labelled text per place. */
export function everything(p: Place, r: { stdout: string; stderr: string }): Record<string, string> {
  return {
    // `::add-mask::` lines are how a value is registered with the runner: they must hold it.
    stdout: r.stdout.replace(/^::add-mask::.*$/gm, ''),
    stderr: r.stderr,
    GITHUB_ENV: readFileSync(p.ghEnv, 'utf8'),
    GITHUB_OUTPUT: readFileSync(p.ghOut, 'utf8'),
    GITHUB_STATE: readFileSync(p.ghState, 'utf8'),
    GITHUB_STEP_SUMMARY: readFileSync(p.ghSummary, 'utf8'),
  };
}

/** Where each of `needles` occurs in `texts` (label: needle), or [] when none does. */
export function occurrences(texts: Record<string, string>, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const [label, text] of Object.entries(texts))
    for (const n of needles) if (n && text.includes(n)) hits.push(`${label}: ${n}`);
  return hits;
}
