/**
 * The entries of dist/ run in this process, from src/ (what dist/ bundles): the CLI's main() with
 * `env` as its environment and `cwd` as its directory, or the action's runAction() with `env` as
 * process.env (where @actions/core reads it). process.stdout and process.stderr are collected for the
 * run too, so a line that bypassed the CLI's own streams would still be seen. For matrices whose
 * every cell checks decisions and output text; each path stays covered through the built dist/ and
 * its own process by runDist() (dist.ts).
 */
import { runAction } from '../../src/action/run.js';
import { runCli } from '../helpers/cli.js';
import type { Ran } from './dist.js';

export async function runInProcess(
  entry: 'cli.js' | 'index.js',
  args: string[],
  env: Record<string, string>,
  opts: { cwd: string },
): Promise<Ran> {
  const out = { stdout: '', stderr: '' };
  const savedEnv = process.env;
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write, exitCode: process.exitCode };
  const collect = (to: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      out[to] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
  try {
    process.stdout.write = collect('stdout');
    process.stderr.write = collect('stderr');
    let code: number;
    if (entry === 'cli.js') {
      const r = await runCli(args, env, { cwd: opts.cwd, now: new Date() });
      out.stdout += r.stdout;
      out.stderr += r.stderr;
      code = r.code;
    } else {
      process.env = { ...env };
      code = await runAction({ env: process.env, cwd: opts.cwd, now: () => new Date() });
    }
    return { code, signal: null, ...out, pid: undefined };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.env = savedEnv;
    process.exitCode = saved.exitCode;
  }
}
