/**
 * `deploy-token mask` as users run it: 64 MiB of build-log-like text piped through the built CLI (a
 * real process, stdin to stdout) with 1, 100 and 1,000 secrets (each with its derived forms), and
 * through a plain Node identity pipe process, in one run. Prints MB/s and ratios; asserts nothing.
 * Targets: 1 secret ≥ 60% of the identity pipe, 1,000 secrets ≥ 25%. The masker alone, in process
 * (and the pathological input and build time), is measured by bench/mask.bench.ts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const SIZE = 64 * 1024 * 1024;

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
    'ok',
    'PASS',
    'src/index.ts',
    'warning:',
    'deprecated',
    '100%',
    '=>',
    'sha256:',
  ];
  const lines: string[] = [];
  let n = 0;
  let i = 0;
  while (n < size) {
    const ts = `2026-11-25T10:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    let l = ts;
    for (let k = 0; k < 8 + (i % 9); k++) l += ` ${words[(i * 31 + k * 17) % words.length]}`;
    if (i % 97 === 0) l += ` digest ${randomBytes(16).toString('hex')}`;
    lines.push(l);
    n += l.length + 1;
    i++;
  }
  return Buffer.from(lines.join('\n') + '\n').subarray(0, size);
}

function secretsFor(n: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < n; i++) env[`S${i}`] = `gldt-${randomBytes(15).toString('base64url')}`;
  return env;
}

/** Pipe `input` through a process and time it until its stdout ends. */
function timePipe(
  args: string[],
  env: Record<string, string>,
  input: Buffer,
): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let bytes = 0;
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - t0, bytes }));
    const chunk = 64 * 1024;
    let off = 0;
    const pump = () => {
      while (off < input.length) {
        const ok = child.stdin.write(input.subarray(off, off + chunk));
        off += chunk;
        if (!ok) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
  });
}

const mbps = (bytes: number, ms: number) => bytes / (1024 * 1024) / (ms / 1000);
const identity = [
  '-e',
  "process.stdin.pipe(new (require('node:stream').PassThrough)()).pipe(process.stdout)",
];

const text = logText(SIZE);
console.log(`input: ${(text.length / 1024 / 1024).toFixed(0)} MiB of build-log-like text`);
const base = await timePipe(identity, {}, text);
const baseRate = mbps(text.length, base.ms);
console.log(`identity pipe (node PassThrough):       ${baseRate.toFixed(0)} MB/s`);
for (const n of [1, 100, 1000]) {
  const env = secretsFor(n);
  const args = ['dist/cli.js', 'mask', ...Object.keys(env).flatMap((k) => ['--secret-env', k])];
  const r = await timePipe(args, env, text);
  const rate = mbps(text.length, r.ms);
  const target = n === 1 ? 0.6 : n === 1000 ? 0.25 : undefined;
  console.log(
    `deploy-token mask, ${String(n).padStart(4)} secret(s):     ${rate.toFixed(0)} MB/s = ${((rate / baseRate) * 100).toFixed(0)}% of identity` +
      (target ? ` (target ≥ ${target * 100}%: ${rate / baseRate >= target ? 'met' : 'MISSED'})` : ''),
  );
}
