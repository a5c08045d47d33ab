/**
 * Cold start, as every CI job pays it: wall time of a fresh process (spawnSync, median of RUNS after
 * WARMUP) for bare `node -e 0`, `node dist/cli.js --version`, `node dist/cli.js plan` against the
 * stand-in GitLab (fixtures/scenarios/1-project-token.json), and the action's main step in dry run
 * (`node dist/index.js` with INPUT_DRY-RUN=true and the GITHUB_* files). Prints milliseconds and the
 * ratio to bare node next to the targets: --version within 1.5×, the action's dry run within 2×.
 * The action's rows also show what loading the bundled @actions/core costs (load only: every module
 * loaded, inputs read; username/password: a whole main step without GitLab), each within 2×.
 * Asserts nothing. Uses the bundles in dist/ (npm run build first).
 *
 * The stand-in runs in a child process (this file with --standin): spawnSync blocks this process's
 * event loop, so a server here could not answer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/standin/model.js';

const RUNS = 15;
const WARMUP = 2;
const root = fileURLToPath(new URL('../', import.meta.url));
const scenario = JSON.parse(
  readFileSync(join(root, 'fixtures/scenarios/1-project-token.json'), 'utf8'),
) as Scenario;

if (process.argv.includes('--standin')) {
  // Child mode: serve the scenario on 127.0.0.1, print the URL, stop when stdin closes.
  const { startStandin } = await import('../src/standin/server.js');
  const s = await startStandin(scenario);
  process.stdout.write(`${s.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void s.close().then(() => process.exit(0)));
} else {
  await main();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

interface Case {
  name: string;
  args: string[];
  env: Record<string, string>;
  target?: number;
  /** Exit code every run must end with (default 0). */
  exit?: number;
}

/** Median wall time of `node …args` in ms; checks the exit code of every run. */
function measure(c: Case): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.args, {
      cwd: root,
      env: c.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== (c.exit ?? 0)) {
      throw new Error(`${c.name}: exit ${r.status}\n${r.stdout.toString()}${r.stderr.toString()}`);
    }
    if (i >= WARMUP) times.push(ms);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

async function main(): Promise<void> {
  for (const f of ['dist/cli.js', 'dist/index.js']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} missing: npm run build first`);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--standin'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      if (buf.includes('\n')) resolve(buf.trim());
    });
    child.on('exit', (code) => reject(new Error(`stand-in exited (${code})`)));
  });
  const dir = mkdtempSync(join(tmpdir(), 'dt-startup-bench-'));
  try {
    // A clean environment: no NODE_OPTIONS, no CI variables from the caller.
    const base = { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1' };
    const files = {
      GITHUB_ENV: 'env',
      GITHUB_OUTPUT: 'output',
      GITHUB_STEP_SUMMARY: 'summary',
      GITHUB_STATE: 'state',
    };
    const githubFiles: Record<string, string> = {};
    for (const [k, f] of Object.entries(files)) {
      githubFiles[k] = join(dir, f);
      writeFileSync(githubFiles[k] as string, '');
    }
    const apiToken = scenario.apiTokens[0] ?? '';
    const jobEnv = scenario.jobEnv ?? {};
    const cases: Case[] = [
      { name: 'node -e 0 (bare node)', args: ['-e', '0'], env: base },
      { name: 'node dist/cli.js --version', args: ['dist/cli.js', '--version'], env: base, target: 1.5 },
      {
        name: 'node dist/cli.js plan (stand-in)',
        args: ['dist/cli.js', 'plan', '--gitlab-url', url, '--project', 'tanuki/awesome_project'],
        env: { ...base, GITLAB_TOKEN: apiToken, ...jobEnv },
      },
      {
        name: 'node dist/index.js (action, dry run)',
        args: ['dist/index.js'],
        env: {
          ...base,
          ...jobEnv,
          ...githubFiles,
          RUNNER_TEMP: dir,
          'INPUT_DRY-RUN': 'true',
          'INPUT_GITLAB-URL': url,
          'INPUT_GITLAB-TOKEN': apiToken,
          INPUT_PROJECT: 'tanuki/awesome_project',
        },
        target: 2,
      },
      {
        // The same process up to its first decision: every module loaded, inputs read, no request
        // (an invalid `export` input ends it with exit 2). The difference to the row above is GitLab.
        name: 'node dist/index.js (action, load only)',
        args: ['dist/index.js'],
        env: { ...base, ...githubFiles, RUNNER_TEMP: dir, INPUT_EXPORT: 'bogus' },
        exit: 2,
        target: 2,
      },
      {
        // A whole main step with no GitLab: input username / password, masks, GITHUB_ENV, outputs,
        // summary, all through the bundled @actions/core.
        name: 'node dist/index.js (action, username/password)',
        args: ['dist/index.js'],
        env: {
          ...base,
          ...githubFiles,
          RUNNER_TEMP: dir,
          INPUT_USERNAME: 'gitlab+deploy-token-11',
          INPUT_PASSWORD: 'gldt-ProjToken11ProjToken1',
        },
        target: 2,
      },
    ];
    console.log(`cold start: median of ${RUNS} runs (after ${WARMUP} warm-up), node ${process.version}`);
    console.log(`plan and the action's dry run include the HTTP round trips to the stand-in at ${url}`);
    const rows: string[][] = [['', 'median ms', 'min', 'max', '× bare node', 'target']];
    let bare = 0;
    for (const c of cases) {
      const m = measure(c);
      if (bare === 0) bare = m.median;
      const ratio = m.median / bare;
      const target = c.target ? `≤ ${c.target}× ${ratio <= c.target ? '(met)' : '(over)'}` : '';
      rows.push([
        c.name,
        m.median.toFixed(1),
        m.min.toFixed(1),
        m.max.toFixed(1),
        `${ratio.toFixed(2)}×`,
        target,
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    for (const r of rows) {
      console.log(
        r
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
      );
    }
  } finally {
    child.stdin.end();
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
