/**
 * Masker throughput, in process: 64 MiB of build-log-like text piped (stream.pipeline, 64 KiB chunks)
 * through the mask stream with 1, 100 and 1,000 random secrets (each with its derived forms and
 * GitLab token shapes) and through a plain identity Transform, in one run. Prints MB/s and ratios to
 * identity (targets: 1 secret ≥ 60%, 1,000 secrets ≥ 25%), the automaton build time for 1,000 secrets
 * (target < 100 ms), and the pathological input a×64 MiB against a×19+b at two sizes (linear: the
 * same rate at both). Prints figures; asserts nothing. `npx tsx bench/mask.bench.ts`
 */
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createMaskStream, MASK_BYTES, MaskStream, SecretRegistry } from '../src/mask/index.js';

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;
const CHUNK = 64 * 1024;
const RUNS = 3;
const DUMP = process.env.MASK_BENCH_DUMP; // write the generated log here (for profiling)

/** mulberry32: the same log and secrets on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const randStr = (n: number, alphabet = URL_SAFE) =>
  Array.from({ length: n }, () => pick([...alphabet])).join('');

function buildLog(size: number): Buffer {
  const levels = ['INFO', 'DEBUG', 'WARN', 'ERROR', 'info', 'notice'];
  const words = [
    'Downloading',
    'Compiling',
    'Running',
    'Fetching',
    'Resolved',
    'added',
    'packages',
    'in',
    'ms',
    'done',
    'deprecated',
    'warning:',
    'Step',
    'RUN',
    'COPY',
    '--->',
    'Using cache',
    'sha256:',
    'PASS',
    'FAIL',
    'ok',
    'global',
    'glob',
    'github.com',
    'gitlab.example.com',
    'registry.npmjs.org',
    'node_modules',
    'tests',
  ];
  const dirs = ['src', 'lib', 'test', 'node_modules', 'build', 'dist', '.cache', 'vendor', 'pkg', 'cmd'];
  const exts = ['.ts', '.js', '.go', '.py', '.json', '.yml', '.o', '.d.ts', '.map'];
  const lines: string[] = [];
  let n = 0;
  let t = Date.UTC(2026, 10, 25, 8, 0, 0);
  let i = 0;
  while (n < size) {
    t += Math.floor(rand() * 900);
    const ts = new Date(t).toISOString();
    const path = `/builds/group/project/${Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(dirs)).join('/')}/${randStr(4 + Math.floor(rand() * 8), 'abcdefghijklmnopqrstuvwxyz_')}${pick(exts)}`;
    let l: string;
    const kind = rand();
    if (kind < 0.08) l = `\x1b[32m${pick(words)}\x1b[0m ${path} ${Math.floor(rand() * 100)}%\r`;
    else if (kind < 0.12) l = `${ts} ${pick(levels)} digest sha256:${randStr(64, '0123456789abcdef')}`;
    else if (kind < 0.15)
      l = `${ts} GET https://${pick(words)}.example.com/api/v4/projects/${Math.floor(rand() * 1e5)}?page=${i % 9} 200`;
    else {
      l = `${ts} ${pick(levels)} ${pick(words)} ${path}`;
      for (let k = 0, m = Math.floor(rand() * 8); k < m; k++) l += ` ${pick(words)}`;
      l += ` (${Math.floor(rand() * 10000)} ms)`;
    }
    // Now and then an unregistered GitLab token: the token rule masks it.
    if (i % 20000 === 19999) l += ` token=glpat-${randStr(20)}`;
    lines.push(l);
    n += l.length + 1;
    i++;
  }
  return Buffer.from(`${lines.join('\n')}\n`).subarray(0, size);
}

/** Realistic secrets: deploy tokens and random passwords, each registered with a username. */
function secrets(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? `gldt-${randStr(20)}`
      : randStr(16 + Math.floor(rand() * 17), `${URL_SAFE}!@#$%^&*()+=:;,.?/ `),
  );
}

function registry(list: readonly string[]): SecretRegistry {
  const r = new SecretRegistry();
  list.forEach((s, i) => r.add(s, { username: `gitlab+deploy-token-${i}` }));
  return r;
}

function chunksOf(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += CHUNK) out.push(buf.subarray(i, i + CHUNK));
  return out;
}

/** Best of RUNS timed pipelines (the sink only counts bytes), then one untimed pass counting masks. */
async function timeThrough(
  make: () => Transform,
  chunks: readonly Buffer[],
): Promise<{ mbs: number; out: number; masks: number; how: string }> {
  let best = Infinity;
  let out = 0;
  let how = '';
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  for (let k = 0; k < RUNS; k++) {
    out = 0;
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        out += c.length;
        cb();
      },
    });
    const t = make();
    const t0 = performance.now();
    await pipeline(Readable.from(chunks, { objectMode: false }), t, sink);
    best = Math.min(best, performance.now() - t0);
    if (t instanceof MaskStream) {
      const s = t.stats;
      how = `${s.chunksFast} chunks by ${s.skip ? 'Wu–Manber + token anchors' : 'anchors'}${s.anchors ? ` (${JSON.stringify(s.anchors)})` : ''}, ${s.chunksAutomaton} by the automaton`;
    }
  }
  let masks = 0;
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    make(),
    new Writable({
      write(c: Buffer, _e, cb) {
        for (let i = c.indexOf(MASK_BYTES); i !== -1; i = c.indexOf(MASK_BYTES, i + 1)) masks++;
        cb();
      },
    }),
  );
  return { mbs: bytes / MiB / (best / 1000), out, masks, how };
}

const fmt = (x: number) => x.toFixed(0).padStart(6);
const started = performance.now();

const log = buildLog(SIZE);
if (DUMP) (await import('node:fs')).writeFileSync(DUMP, log);
const chunks = chunksOf(log);
console.log(
  `input: ${log.length / MiB} MiB of build-log-like text in ${chunks.length} chunks of ${CHUNK / 1024} KiB`,
);
const identity = () =>
  new Transform({
    transform(c, _e, cb) {
      cb(null, c);
    },
  });
const id = await timeThrough(identity, chunks);
console.log(`identity Transform:          ${fmt(id.mbs)} MB/s (best of ${RUNS})`);
for (const n of [1, 100, 1000]) {
  const r = registry(secrets(n));
  const forms = r.forms().length;
  const res = await timeThrough(() => createMaskStream(r), chunks);
  const ratio = res.mbs / id.mbs;
  const target = n === 1 ? 0.6 : n === 1000 ? 0.25 : undefined;
  console.log(
    `mask stream, ${String(n).padStart(4)} secret(s): ${fmt(res.mbs)} MB/s = ${(ratio * 100).toFixed(1).padStart(4)}% of identity` +
      ` (${forms} forms, ${res.masks} masks written)` +
      (target === undefined ? '' : `; target ≥ ${target * 100}%: ${ratio >= target ? 'met' : 'not met'}`),
  );
  console.log(`    ${res.how}`);
}

{
  const list = secrets(1000);
  let t0 = performance.now();
  const r = registry(list);
  const formsMs = performance.now() - t0;
  t0 = performance.now();
  const c = r.compiled();
  const buildMs = performance.now() - t0;
  const mem = (c.ac.table.byteLength + c.ac.states * 4 * 8 + c.ac.states) / MiB;
  console.log(
    `1,000 secrets: derived forms in ${formsMs.toFixed(1)} ms; automaton (${r.forms().length} forms, ${c.ac.states} states, ` +
      `${c.ac.table.length / c.ac.classes} rows of ${c.ac.classes} byte classes, ~${mem.toFixed(1)} MiB) built in ${buildMs.toFixed(1)} ms (target < 100 ms)`,
  );
}

{
  const r = new SecretRegistry({ gitlabTokens: false });
  r.add(`${'a'.repeat(19)}b`);
  const aaa = Buffer.alloc(SIZE, 'a');
  for (const engine of ['auto', 'automaton'] as const) {
    for (const size of [SIZE / 4, SIZE]) {
      const res = await timeThrough(() => createMaskStream(r, { engine }), chunksOf(aaa.subarray(0, size)));
      console.log(
        `pathological a×${String(size / MiB).padStart(2)} MiB vs a×19+b, engine ${engine.padEnd(9)}: ${fmt(res.mbs)} MB/s (linear: the same rate at both sizes)`,
      );
    }
  }
}
console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
