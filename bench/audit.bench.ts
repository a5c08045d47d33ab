/**
 * Audit at the size of a real group: a tree of 80 groups and 560 projects (640 holders) on the
 * stand-in GitLab with 80 ms latency per answer, in a process of its own, audited end to end through
 * the CLI (gather, findings, text report, progress on stderr). Beside it the way the tree was read
 * before (four holders at a time, each holder's two listings one after the other) and the sequential
 * bound (every request after the last: requests × latency). Target: under 15 s for the tree.
 *
 *   npm run bench -- audit
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { auditFindings } from '../src/audit/findings.js';
import { formatText } from '../src/audit/format.js';
import { gatherTree } from '../src/audit/gather.js';
import type { CliContext } from '../src/cli/context.js';
import { main } from '../src/cli/main.js';
import { createGitLabClient } from '../src/gitlab/client.js';
import { BIG_TREE_TOKEN } from '../test/helpers/big-tree.js';

const GROUPS = 80;
const PROJECTS = 560;
const LATENCY_MS = 80;
const TARGET_MS = 15_000;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'bench/standin-process.ts', String(GROUPS), String(PROJECTS), String(LATENCY_MS)],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
const next = async () => String((await answers.next()).value ?? '');
const url = await next();
/** Requests the stand-in received so far. */
const received = async () => {
  child.stdin.write('count\n');
  return Number(await next());
};

/** The audit as a user runs it: `deploy-token audit --group bench` (stdout dropped, stderr's closing line kept). */
async function now(): Promise<{ ms: number; requests: number; code: number; last: string }> {
  let stderr = '';
  const ctx: CliContext = {
    env: { GITLAB_TOKEN: BIG_TREE_TOKEN },
    cwd: process.cwd(),
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: Readable.from([]),
    now: () => new Date(),
  };
  const before = await received();
  const t0 = performance.now();
  const code = await main(['audit', '--group', 'bench', '--gitlab-url', url], ctx);
  const ms = performance.now() - t0;
  const last = stderr.trim().split('\n').pop() ?? '';
  return { ms, requests: (await received()) - before, code, last };
}

/** The tree read as before: four holders at a time, their two listings in turn. */
async function before(): Promise<{ ms: number; requests: number }> {
  const client = createGitLabClient({ baseUrl: url, token: BIG_TREE_TOKEN });
  const t0 = performance.now();
  const tree = await gatherTree(client, 'bench', { concurrency: 4, pairsInTurn: true });
  const at = new Date();
  const result = auditFindings(tree, { now: at, expiringWithinDays: 30, ephemeralOlderThanMs: 21_600_000 });
  formatText(result, { group: tree.root, generatedAt: at, expiringWithinDays: 30 });
  return { ms: performance.now() - t0, requests: client.requestCount };
}

try {
  console.log(`audit: ${GROUPS + PROJECTS} groups and projects, ${LATENCY_MS} ms latency per answer`);
  const runs = [await now(), await now(), await now()];
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  for (const r of runs)
    console.log(`  now:    ${s(r.ms)}, ${r.requests} requests, exit ${r.code} (${r.last})`);
  const old = await before();
  console.log(
    `  before: ${s(old.ms)}, ${old.requests} requests (4 at a time, each holder's listings in turn)`,
  );
  console.log(
    `  sequential: ${s(best.requests * LATENCY_MS)} (${best.requests} requests × ${LATENCY_MS} ms)`,
  );
  console.log(
    `  best ${s(best.ms)}: ${(old.ms / best.ms).toFixed(1)}× faster than before, ${((best.requests * LATENCY_MS) / best.ms).toFixed(1)}× faster than sequential; target < ${s(TARGET_MS)}: ${best.ms < TARGET_MS ? 'met' : 'MISSED'}`,
  );
} finally {
  child.stdin.end();
}
