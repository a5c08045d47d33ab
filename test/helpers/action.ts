/**
 * The action in-process as the runner runs it: `@actions/core` reads the runner's files and inputs
 * from process.env and writes its commands to process.stdout, so each call here puts the given
 * environment in process.env and collects process.stdout for its duration, then puts both back
 * (and the exit code the entry points leave). Same signatures as the action's own functions took
 * before they moved onto the library, so tests of other folders only change their import.
 */
import { runAction as runActionReal, type ActionDeps } from '../../src/action/run.js';
import { runPostAll as runPostReal, type PostDeps } from '../../src/action/post-run.js';
import type { TextSink } from '../../src/core/output.js';

type EnvIn = Readonly<Record<string, string | undefined>>;

/** Runs `fn` with `env` as process.env and process.stdout going to `sink`. */
export async function inRunner<T>(env: EnvIn, sink: TextSink, fn: () => Promise<T>): Promise<T> {
  const savedEnv = process.env;
  const write = process.stdout.write;
  const exitCode = process.exitCode;
  process.env = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  process.stdout.write = ((chunk: string | Uint8Array) => {
    sink.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
    process.env = savedEnv;
    process.exitCode = exitCode;
  }
}

export function runAction(deps: Omit<ActionDeps, 'env'> & { env: EnvIn; stdout: TextSink }): Promise<number> {
  const { stdout, ...rest } = deps;
  return inRunner(deps.env, stdout, () => runActionReal({ ...rest, env: process.env }));
}

export function runPostAll(env: EnvIn, stdout: TextSink, deps: PostDeps = {}): Promise<number> {
  return inRunner(env, stdout, () => runPostReal(process.env, deps));
}

/** The action's main step in-process, in `cwd` at `now`: its exit code and what it wrote to stdout. */
export async function mainStep(
  env: EnvIn,
  cwd: string,
  now: ActionDeps['now'],
): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runAction({ env, cwd, now, stdout: { write: (s) => void (out += s) } });
  return { code, out };
}
