/**
 * `exec [--job NAME] -- CMD [ARG...]`: resolve, run CMD with the variables and masked output, exit with its code.
 * SIGINT, SIGTERM and SIGHUP are handled for exec's whole life, not only while CMD runs: before CMD
 * starts (creating the ephemeral token, writing files) a signal stops the run, waits (bounded) for a
 * token request in flight, deletes the token, removes the files and exits 128 + the signal's number;
 * while CMD runs it is forwarded to CMD, and exec exits with CMD's code. A second signal never cuts
 * the final delete short (the API client's deadline bounds it).
 */
import { constants } from 'node:os';
import { jobVariables } from '../../app/exports.js';
import { runFlow, type FlowResult } from '../../app/flow.js';
import type { CommonFlags } from '../../app/options.js';
import { runChild } from '../../app/child.js';
import { discardEphemeral } from '../../app/ephemeral.js';
import { parseClients, writeJobCredentials } from '../../app/credentials.js';
import { cleanup } from '../../credentials/manifest.js';
import { UsageError } from '../../core/errors.js';
import { proxyAwareFetch } from '../../gitlab/proxy.js';
import { SecretRegistry } from '../../mask/index.js';
import type { CliContext } from '../context.js';

export interface ExecIo {
  stdout: NodeJS.WritableStream & import('node:stream').Writable;
  stderr: NodeJS.WritableStream & import('node:stream').Writable;
  /** Subscribes to SIGINT/SIGTERM/SIGHUP for the whole run; returns an unsubscribe. */
  onSignal?: (forward: (sig: NodeJS.Signals) => void) => () => void;
}

type ExecFlags = CommonFlags & { shell?: boolean; configure?: string[] };

/** The API client's default deadline per call: how long a stopped run waits for a request in flight. */
const DEFAULT_DEADLINE_MS = 60_000;

/** The first signal exec received, and the running command's forwarder (signals go on to it). */
class Stop {
  signal: NodeJS.Signals | undefined;
  /** A token may have been asked for (a POST was sent): a stop must then wait for it and undo it. */
  posted = false;
  readonly stopped: Promise<NodeJS.Signals>;
  private resolve: (sig: NodeJS.Signals) => void = () => undefined;
  private forward: ((sig: NodeJS.Signals) => void) | undefined;
  constructor() {
    this.stopped = new Promise((r) => (this.resolve = r));
  }
  receive(sig: NodeJS.Signals): void {
    if (this.signal === undefined) {
      this.signal = sig;
      this.resolve(sig);
    }
    this.forward?.(sig);
  }
  /** For runChild: signals received while the command runs are forwarded to it. */
  attach = (forward: (sig: NodeJS.Signals) => void): (() => void) => {
    this.forward = forward;
    return () => (this.forward = undefined);
  };
  /** 128 + the signal's number, as a shell reports a command killed by it. */
  get code(): number {
    return 128 + (this.signal ? (constants.signals[this.signal] ?? 0) : 0);
  }
}

/**
 * The flow's fetch, refusing to create anything once exec is stopping: a POST not yet sent is
 * refused; after a POST, the lookups and deletes that clean up after it go through; without one,
 * no new request starts.
 */
function stoppableFetch(ctx: CliContext, stop: Stop): typeof fetch {
  const inner: typeof fetch =
    ctx.fetch ?? proxyAwareFetch(ctx.env) ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init) => {
    const post = (init?.method ?? 'GET').toUpperCase() === 'POST';
    // Once stopped: nothing new is created, and with nothing to undo nothing new is asked at all.
    if (stop.signal && (post || !stop.posted)) {
      return Promise.reject(
        Object.assign(new Error(`stopped by ${stop.signal}`), { code: `stopped by ${stop.signal}` }),
      );
    }
    if (post) stop.posted = true;
    return inner(input, init);
  };
}

type Settled = { flow: FlowResult } | { error: unknown };

function within(p: Promise<Settled>, ms: number): Promise<Settled | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
}

export async function runExec(
  argv: string[],
  flags: ExecFlags,
  ctx: CliContext,
  io: ExecIo,
): Promise<number> {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      'exec needs a command after --',
      'e.g. deploy-token exec -- docker pull registry.example.com/img',
    );
  const stop = new Stop();
  // From here on a token may be created: no signal may end the process before it is deleted again.
  const unsubscribe = io.onSignal?.((sig) => stop.receive(sig));
  try {
    const settled: Promise<Settled> = runFlow(flags, {
      ...ctx,
      ...(io.onSignal ? { fetch: stoppableFetch(ctx, stop) } : {}),
      ephemeral: { mode: 'create' },
    }).then(
      (flow) => ({ flow }),
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([settled, stop.stopped.then(() => undefined)]);
    if (first === undefined || stop.signal) {
      // Stopped before the command: let a request in flight settle (bounded), then undo what it made.
      // Nothing asked to be created: stop at once (the lookups in flight are abandoned).
      const late = stop.posted
        ? await within(settled, ctx.http?.deadlineMs ?? DEFAULT_DEADLINE_MS)
        : await within(settled, 0);
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal ?? 'a signal'} before the command started\n`);
      if (late && 'flow' in late) {
        const d = await discardEphemeral(late.flow);
        if (d) ctx.stderr.write(`deploy-token: ${d.ok ? '' : 'warning: '}${d.line}\n`);
      } else if (!late && stop.posted) {
        ctx.stderr.write(
          'deploy-token: warning: GitLab had not answered the ephemeral token request; if it created the token, it expires at 00:00 UTC and `deploy-token cleanup --ephemeral` deletes it once it is older than --older-than (default 6h) or has expired\n',
        );
      }
      return stop.code;
    }
    if ('error' in first) throw first.error;
    const flow = first.flow;
    try {
      return await execResolved(flow, command, args, flags, ctx, io, stop);
    } finally {
      // An ephemeral token lives exactly as long as the command: deleted at its end, also on failure.
      const d = await discardEphemeral(flow);
      if (d) ctx.stderr.write(`deploy-token: ${d.ok ? '' : 'warning: '}${d.line}\n`);
    }
  } finally {
    unsubscribe?.();
  }
}

async function execResolved(
  flow: FlowResult,
  command: string,
  args: string[],
  flags: ExecFlags,
  ctx: CliContext,
  io: ExecIo,
  stop: Stop,
): Promise<number> {
  const r = flow.resolution;
  for (const w of r.warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
    for (const d of r.details ?? []) ctx.stderr.write(`  ${d}\n`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}\n`);
    return r.exitCode;
  }
  const vars = await jobVariables(flow, ctx.env);
  const registry = new SecretRegistry();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const w of registry.add(v.value, { username: r.credentials.username })) {
      ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
    }
  }
  // Credential files live only as long as the command: removed at its end, also on failure or signal.
  const files = await writeJobCredentials(flow, ctx.env, parseClients(flags.configure));
  // Last resort: even an unexpected crash of this process removes them (synchronously, on exit).
  const onExit = () => {
    if (files) cleanup(files.manifest);
  };
  if (files) process.once('exit', onExit);
  const env = {
    ...ctx.env,
    ...Object.fromEntries(vars.map((v) => [v.name, v.value])),
    ...Object.fromEntries((files?.variables ?? []).map((v) => [v.name, v.value])),
  };
  try {
    if (stop.signal) {
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal} before the command started\n`);
      return stop.code;
    }
    return await runChild({
      command,
      args,
      env,
      cwd: ctx.cwd,
      shell: flags.shell === true,
      registry,
      stdout: io.stdout,
      stderr: io.stderr,
      onError: (m) => ctx.stderr.write(`deploy-token: ${m}\n`),
      onSignal: stop.attach,
    });
  } finally {
    if (files) {
      process.off('exit', onExit);
      const report = cleanup(files.manifest);
      ctx.stderr.write(
        `deploy-token: removed ${report.removed.length} credential file(s) and directories${report.refused.length ? `; refused ${report.refused.join(', ')}` : ''}\n`,
      );
    }
  }
}
