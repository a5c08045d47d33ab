/**
 * Masking at the speed of the pipe, as users run it: 128 MiB of build-log text from a file, through
 * a process, out to a pipe (`| cat > /dev/null`) and to `> /dev/null`, timed whole (start-up
 * included) with public tools only (sh, cat, node). Beside each figure, in the same round: the identity pipe
 * `node -e 'process.stdin.pipe(process.stdout)'` over the same file and pipe. Rounds interleave the
 * commands (identity, then each case) so that a machine that drifts moves them together; each figure
 * is the median over the rounds, each ratio the median of the rounds' ratios (each round's ratio is
 * printed below it).
 *
 * Cases: `deploy-token mask` (dist/cli.js) with 1 secret and with 1,000 (each with its derived forms
 * and the GitLab token shapes); exec's output path (src/app/child.ts runChild: the command's stdout
 * through the masker to ours) running `cat FILE`, with 1 secret and 1,000, beside a node process that
 * passes its child's output through unchanged. Targets (issue 19): ≥ 90% of the identity pipe with
 * 1 secret, ≥ 60% with 1,000. Prints figures; asserts nothing.
 *
 *   npm run bench -- mask-cli           (BENCH_ROUNDS=9 for more rounds, BENCH_MIB=32 for less text)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { machineLine, timed } from './machine.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MIB = Number(process.env.BENCH_MIB ?? 128);
const root = fileURLToPath(new URL('../', import.meta.url));

function logText(size: number): Buffer {
  const words = [
    'npm',
    'install',
    'added',
    'packages',
    'in',
    '3s',
    'Step',
    'RUN',
    'COPY',
    '/builds/tanuki/app',
  ];
  words.push('ok', 'PASS', 'src/index.ts', 'warning:', 'deprecated', '100%', '=>', 'sha256:');
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    let l = `2026-11-25T10:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    for (let k = 0; k < 8 + (i % 9); k++) l += ` ${words[(i * 31 + k * 17) % words.length]}`;
    if (i % 97 === 0) l += ` digest ${randomBytes(16).toString('hex')}`;
    lines.push(l);
    n += l.length + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`).subarray(0, size);
}

function secretsEnv(n: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < n; i++) env[`S${i}`] = `gldt-${randomBytes(15).toString('base64url')}`;
  return env;
}

/** exec's output path alone: runChild from src/app/child.ts, bundled once with esbuild. */
async function bundleExecPath(dir: string): Promise<string> {
  const entry = join(dir, 'exec-path.ts');
  writeFileSync(
    entry,
    `import { runChild } from ${JSON.stringify(join(root, 'src/app/child.ts'))};
import { SecretRegistry } from ${JSON.stringify(join(root, 'src/mask/index.ts'))};
const registry = new SecretRegistry();
for (const [k, v] of Object.entries(process.env)) if (/^S\\d+$/.test(k) && v) registry.add(v);
const [cmd, ...args] = process.argv.slice(2);
process.exitCode = await runChild({ command: cmd, args, env: { PATH: process.env.PATH ?? '' }, cwd: process.cwd(),
  shell: false, registry, stdout: process.stdout, stderr: process.stderr, onError: (m) => process.stderr.write(m + '\\n') });
`,
  );
  const out = join(dir, 'exec-path.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}

interface Case {
  name: string;
  /** A shell command line; FILE is the log. */
  sh: string;
  env?: Record<string, string>;
  target?: number;
}

function time(c: Case): { ms: number; cpu: number | undefined } {
  return timed(() => {
    const r = spawnSync('sh', ['-c', c.sh], {
      env: { PATH: process.env.PATH ?? '', ...c.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`${c.name}: exit ${r.status}`);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const mbs = (ms: number) => (MIB / (ms / 1000)).toFixed(0).padStart(4);

/** The median CPU time of a case's runs (every process of the pipeline), when known. */
const cpuCol = (cpu: (number | undefined)[]) => {
  const known = cpu.filter((c): c is number => c !== undefined);
  return known.length === cpu.length ? `  cpu ${median(known).toFixed(0).padStart(5)} ms` : '';
};

/** Interleaved rounds (identity, then each case); prints medians and the medians of the ratios. */
function report(identity: Case, cases: Case[]): void {
  const base: number[] = [];
  const baseCpu: (number | undefined)[] = [];
  const runs = cases.map(() => ({
    ms: [] as number[],
    ratio: [] as number[],
    cpu: [] as (number | undefined)[],
  }));
  time(identity); // warm the page cache and node
  for (let r = 0; r < ROUNDS; r++) {
    const id = time(identity);
    base.push(id.ms);
    baseCpu.push(id.cpu);
    cases.forEach((c, i) => {
      const t = time(c);
      runs[i]?.ms.push(t.ms);
      runs[i]?.cpu.push(t.cpu);
      runs[i]?.ratio.push(id.ms / t.ms);
    });
  }
  console.log(
    `${identity.name.padEnd(52)} ${median(base).toFixed(0).padStart(5)} ms ${mbs(median(base))} MiB/s  100%${cpuCol(baseCpu)}`,
  );
  cases.forEach((c, i) => {
    const ms = median(runs[i]?.ms ?? []);
    const ratio = median(runs[i]?.ratio ?? []);
    const target = c.target ? `  target ≥ ${c.target * 100}%: ${ratio >= c.target ? 'met' : 'NOT met'}` : '';
    console.log(
      `${c.name.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms ${mbs(ms)} MiB/s ${(ratio * 100).toFixed(0).padStart(4)}%${cpuCol(runs[i]?.cpu ?? [])}${target}`,
    );
    // On a loaded machine one round can be far off: the ratio of each round, in order.
    console.log(
      `${''.padEnd(52)} rounds: ${(runs[i]?.ratio ?? []).map((r) => `${(r * 100).toFixed(0)}%`).join(' ')}`,
    );
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dt-mask-cli-bench-'));
  try {
    const file = join(dir, 'build.log');
    writeFileSync(file, logText(MIB * 1024 * 1024));
    const execPath = await bundleExecPath(dir);
    const node = process.execPath;
    const cli = join(root, 'dist/cli.js');
    const one = secretsEnv(1);
    const many = secretsEnv(1000);
    const flags = (env: Record<string, string>) =>
      Object.keys(env)
        .map((k) => `--secret-env ${k}`)
        .join(' ');
    const cmds: { name: string; cmd: string; env?: Record<string, string>; target?: number }[] = [
      {
        name: 'deploy-token mask, 1 secret',
        cmd: `'${node}' '${cli}' mask ${flags(one)} < '${file}'`,
        env: one,
        target: 0.9,
      },
      {
        name: 'deploy-token mask, 1,000 secrets',
        cmd: `'${node}' '${cli}' mask ${flags(many)} < '${file}'`,
        env: many,
        target: 0.6,
      },
      {
        name: 'node passing a child’s output through (cat FILE)',
        cmd: `'${node}' -e "require('child_process').spawn('cat',['${file}'],{stdio:['inherit','pipe','inherit']}).stdout.pipe(process.stdout)"`,
      },
      {
        name: 'exec output path (cat FILE), 1 secret',
        cmd: `'${node}' '${execPath}' cat '${file}'`,
        env: one,
        target: 0.9,
      },
      {
        name: 'exec output path (cat FILE), 1,000 secrets',
        cmd: `'${node}' '${execPath}' cat '${file}'`,
        env: many,
        target: 0.6,
      },
    ];
    const identityCmd = `'${node}' -e 'process.stdin.pipe(process.stdout)' < '${file}'`;
    console.log(
      `${MIB} MiB of build-log text from a file; median of ${ROUNDS} interleaved rounds, start-up included`,
    );
    console.log(`cpu: user + system time of every process of the run; machine: ${machineLine()}`);
    for (const [sinkName, sinkSh] of [
      ['| cat > /dev/null (a pipe)', '| cat > /dev/null'],
      ['> /dev/null', '> /dev/null'],
    ] as const) {
      const identity: Case = {
        name: "identity: node -e 'process.stdin.pipe(process.stdout)'",
        sh: `${identityCmd} ${sinkSh}`,
      };
      const cases: Case[] = cmds.map((c) => ({ ...c, sh: `${c.cmd} ${sinkSh}` }));
      console.log(`\noutput ${sinkName}`);
      report(identity, cases);
    }
    console.log(`\nmachine at the end: ${machineLine()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
