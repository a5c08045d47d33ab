/**
 * Live output is never delayed: the latency of a small write through `deploy-token exec`. A child
 * answers each line it reads on stdin with one short line on stdout; the bench writes a line and
 * times until the answer arrives, PINGS times, with the child run directly and through
 * `node dist/cli.js exec -- …` (against the stand-in GitLab on 127.0.0.1), in the same run. The difference is what exec's masking adds to a line that starts no secret.
 * Prints medians and 95th percentiles; asserts nothing.
 *
 *   npm run bench -- mask-latency
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/standin/model.js';

const PINGS = Number(process.env.BENCH_PINGS ?? 200);
const root = fileURLToPath(new URL('../', import.meta.url));
const scenario = JSON.parse(
  readFileSync(join(root, 'fixtures/scenarios/1-project-token.json'), 'utf8'),
) as Scenario;

// The child: "ready", then one answer per line read.
const ECHO = `process.stdout.write('ready\\n');
require('readline').createInterface({ input: process.stdin }).on('line', (l) => process.stdout.write('ack ' + l + '\\n'));`;

/** Resolves with the next stdout text that contains `want`. */
function until(child: ChildProcessWithoutNullStreams, want: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const on = (d: Buffer) => {
      seen += d.toString('utf8');
      if (seen.includes(want)) {
        child.stdout.off('data', on);
        resolve();
      }
    };
    child.stdout.on('data', on);
  });
}

async function latencies(args: string[], env: Record<string, string>): Promise<number[]> {
  const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stderr.resume();
  await until(child, 'ready\n');
  const out: number[] = [];
  for (let i = 0; i < PINGS; i++) {
    const answered = until(child, `ack ping ${i}\n`);
    const t0 = performance.now();
    child.stdin.write(`ping ${i}\n`);
    await answered;
    out.push(performance.now() - t0);
  }
  child.stdin.end();
  await new Promise((r) => child.once('close', r));
  return out;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

// Everything here waits asynchronously, so the stand-in serves from this process.
const { startStandin } = await import('../src/standin/server.js');
const standin = await startStandin(scenario);
try {
  const env = {
    GITLAB_TOKEN: scenario.apiTokens[0] ?? '',
    CI_SERVER_URL: standin.url,
    CI_PROJECT_PATH: 'tanuki/awesome_project',
    ...(scenario.jobEnv ?? {}),
  };
  const direct = await latencies(['-e', ECHO], env);
  const exec = await latencies(['dist/cli.js', 'exec', '--', process.execPath, '-e', ECHO], env);
  const row = (name: string, xs: number[]) =>
    console.log(
      `${name.padEnd(34)} median ${pct(xs, 0.5).toFixed(2).padStart(6)} ms   p95 ${pct(xs, 0.95).toFixed(2).padStart(6)} ms`,
    );
  console.log(`latency of one short line, written on stdin and answered on stdout, ${PINGS} times`);
  row('the child alone', direct);
  row('through deploy-token exec', exec);
  console.log(
    `exec adds ${(pct(exec, 0.5) - pct(direct, 0.5)).toFixed(2)} ms at the median: the line goes out as it arrives (nothing waits on a timer or a full buffer)`,
  );
} finally {
  await standin.close();
}
