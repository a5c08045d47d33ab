/**
 * Running the job's command: the variables go into the child's environment only (never the parent's,
 * never argv), stdout and stderr each stream through their own masker over the same secrets, stdin
 * is inherited, the signals `onSignal` delivers are forwarded (exec: SIGINT, SIGTERM, SIGHUP; exec
 * subscribes for its whole life, so a signal before or after the child is its to handle), and the
 * child's exit code is returned (128 + signal
 * number when it was killed, 127 when it could not be started, as shells do).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Writable } from 'node:stream';
import type { Env } from '../core/env.js';
import { maskPipe, type SecretRegistry } from '../mask/index.js';

/** How long to wait for output after the command exits, when a grandchild holds its pipes open. */
export const PIPE_GRACE_MS = 1000;

export interface ChildOptions {
  command: string;
  args: string[];
  env: Env;
  cwd: string;
  shell: boolean;
  registry: SecretRegistry;
  stdout: Writable;
  stderr: Writable;
  /** Where "could not start" messages go (already masked by the caller's rules: they hold no secret). */
  onError: (message: string) => void;
  /** Called with a function that forwards a signal to the child; returns an unsubscribe. */
  onSignal?: (forward: (sig: NodeJS.Signals) => void) => () => void;
}

export async function runChild(o: ChildOptions): Promise<number> {
  const child = o.shell
    ? spawn('/bin/sh', ['-c', [o.command, ...o.args].join(' ')], {
        env: o.env,
        cwd: o.cwd,
        stdio: ['inherit', 'pipe', 'pipe'],
      })
    : spawn(o.command, o.args, { env: o.env, cwd: o.cwd, stdio: ['inherit', 'pipe', 'pipe'], shell: false });
  // The maskers' automaton is built while the command starts up, not when its first output arrives
  // (tens of milliseconds with 1,000 secrets that a slow-starting command no longer waits on).
  o.registry.compiled();
  const unsubscribe = o.onSignal?.((sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
  const done = new Promise<number>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      o.onError(`cannot run ${o.command}: ${e.code ?? e.message}`);
      resolve(e.code === 'ENOENT' || e.code === 'EACCES' ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
  // Each chunk is masked and written as it arrives (mask/pump.ts): live output is never held back.
  const pumps = Promise.all(
    [
      child.stdout ? maskPipe(child.stdout, o.stdout, o.registry, { end: false }) : undefined,
      child.stderr ? maskPipe(child.stderr, o.stderr, o.registry, { end: false }) : undefined,
    ].map((p) => p?.catch(() => undefined)),
  );
  try {
    const code = await done;
    // A background grandchild may keep the pipes open after the command exits: drain what is there,
    // then stop waiting (the masker flushes what it held when the pipe ends).
    const drained = await Promise.race([
      pumps.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), PIPE_GRACE_MS).unref()),
    ]);
    if (!drained) {
      child.stdout?.destroy();
      child.stderr?.destroy();
      await pumps;
    }
    return code;
  } finally {
    unsubscribe?.();
  }
}
