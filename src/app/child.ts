/**
 * Running the job's command: the variables go into the child's environment only (never the parent's,
 * never argv), stdout and stderr each stream through their own masker over the same secrets, stdin
 * is inherited, the signals `onSignal` delivers are forwarded (exec: SIGINT, SIGTERM, SIGHUP; exec
 * subscribes for its whole life, so a signal before or after the child is its to handle), and the
 * child's exit code is returned (128 + signal
 * number when it was killed, 127 when it could not be started, as shells do).
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { constants } from 'node:os';
import type { Writable } from 'node:stream';
import type { Env } from '../core/env.js';
import { maskingReads, maskPipe, type SecretRegistry } from '../mask/index.js';
import { outputLinks } from './output-link.js';

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
  /**
   * Read the child's output through sockets connected here (app/output-link.ts, reused buffers;
   * default) or, when false or where they cannot be made, through node's stdio pipes.
   */
  outputLinks?: boolean;
  /** Where output links' private directory is made (default: the system temp dir). */
  tempDir?: string;
}

export async function runChild(o: ChildOptions): Promise<number> {
  const out = await outputs(o);
  const child = spawnChild(o, out.stdio);
  out.started();
  // The maskers' automaton is built while the command starts up, not when its first output arrives
  // (tens of milliseconds with 1,000 secrets that a slow-starting command no longer waits on).
  o.registry.compiled();
  const unsubscribe = o.onSignal?.((sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
  const done = exitCode(child, o);
  // Each chunk is masked and written as it arrives (mask/pump.ts): live output is never held back.
  const pumps = Promise.all(out.pumps(child).map((p) => p?.catch(() => undefined)));
  try {
    const code = await done;
    // A background grandchild may keep the pipes open after the command exits: drain what is there,
    // then stop waiting (the masker flushes what it held when the pipe ends).
    const drained = await Promise.race([
      pumps.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), PIPE_GRACE_MS).unref()),
    ]);
    if (!drained) {
      out.stop(child);
      await pumps;
    }
    return code;
  } finally {
    unsubscribe?.();
  }
}

function spawnChild(o: ChildOptions, stdio: StdioOptions): ChildProcess {
  return o.shell
    ? spawn('/bin/sh', ['-c', [o.command, ...o.args].join(' ')], { env: o.env, cwd: o.cwd, stdio })
    : spawn(o.command, o.args, { env: o.env, cwd: o.cwd, stdio, shell: false });
}

/** The command's exit code, 128 + the signal's number, or 127/126 when it could not be started. */
function exitCode(child: ChildProcess, o: ChildOptions): Promise<number> {
  return new Promise<number>((resolve) => {
    child.once('error', (e: NodeJS.ErrnoException) => {
      o.onError(`cannot run ${o.command}: ${e.code ?? e.message}`);
      resolve(e.code === 'ENOENT' || e.code === 'EACCES' ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

/** How the child's stdout and stderr reach the maskers: output links where they can be made, else pipes. */
interface Outputs {
  stdio: StdioOptions;
  /** After spawning: our copies of the child's ends are closed (its exit then ends the streams). */
  started: () => void;
  pumps: (child: ChildProcess) => (Promise<void> | undefined)[];
  /** Stop reading (a grandchild still holds the streams open). */
  stop: (child: ChildProcess) => void;
}

async function outputs(o: ChildOptions): Promise<Outputs> {
  const sinks = [o.stdout, o.stderr];
  const reads = sinks.map((sink) => maskingReads(sink, o.registry, { end: false }));
  const links =
    o.outputLinks === false
      ? undefined
      : await outputLinks(
          reads.map((r) => r.onread),
          o.tempDir === undefined ? {} : { tempDir: o.tempDir },
        );
  if (links === undefined) {
    return {
      stdio: ['inherit', 'pipe', 'pipe'],
      started: () => undefined,
      pumps: (child) =>
        [child.stdout, child.stderr].map((s, i) =>
          s ? maskPipe(s, sinks[i] as Writable, o.registry, { end: false }) : undefined,
        ),
      stop: (child) => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      },
    };
  }
  return {
    stdio: ['inherit', ...links.map((l) => l.writer)],
    started: () => links.forEach((l) => l.writer.destroy()),
    pumps: () => links.map((l, i) => reads[i]?.pump(l.reader)),
    stop: () => links.forEach((l) => l.reader.destroy()),
  };
}
