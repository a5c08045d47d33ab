import type { Clock, Env } from '../core/env.js';
import type { Output, TextSink } from '../core/output.js';

export type { TextSink };

/** Everything a command touches outside pure code. The CLI builds it from `process`; tests build their own. */
export interface CliContext {
  env: Env;
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream;
  /** Byte streams for commands that pipe (exec, mask); default: process.stdout / process.stderr. */
  stdoutStream?: import('node:stream').Writable;
  stderrStream?: import('node:stream').Writable;
  /** Subscribe to SIGINT/SIGTERM (exec forwards them to its child). */
  onSignal?: (forward: (sig: NodeJS.Signals) => void) => () => void;
  /** The clock. */
  now: Clock;
  /** HTTP, injected; defaults to the global fetch (or undici through a proxy). */
  fetch?: typeof fetch;
  /** Sleep for retries, injected so tests never wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Called for each API request (used by --verbose). */
  onRequest?: import('../app/flow.js').FlowDeps['onRequest'];
  /** API client bounds (attempt timeout, deadline, attempts), injected by tests. */
  http?: import('../app/flow.js').FlowDeps['http'];
}

/**
 * What a command runs with: the process's context with stdout and stderr behind the output boundary
 * (src/core/output.ts), the raw `payload` channel for what is meant to carry the secret, the
 * runner's `command` channel, and the run's scrubber (secrets found during the run are added to it).
 */
export interface CommandContext extends CliContext {
  payload: Output['payload'];
  commands: Output['commands'];
  command: Output['command'];
  scrubber: Output['scrubber'];
}
