/**
 * `exec [--job NAME] -- CMD [ARG...]`: resolve, run CMD with the variables and masked output, exit with its code.
 * SIGINT, SIGTERM and SIGHUP are handled for exec's whole life, not only while CMD runs: before CMD
 * starts (creating the ephemeral token, writing files) a signal stops the run, waits (bounded) for a
 * token request in flight, deletes the token, removes the files and exits 128 + the signal's number;
 * while CMD runs it is forwarded to CMD, and exec exits with CMD's code. A second signal never cuts
 * the final delete short (the API client's deadline bounds it).
 */
import { constants } from 'node:os';
import { runChild } from '../../app/child.js';
import { Delivery } from '../../app/delivery.js';
import { discardEphemeral } from '../../app/ephemeral.js';
import { runFlow, type FlowResult } from '../../app/flow.js';
import { parseClients } from '../../app/job-files.js';
import { isClientName } from '../../credentials/client-names.js';
import type { CommonFlags } from '../../app/options.js';
import { RunDir } from '../../app/run-dir.js';
import { RunRecord } from '../../app/run-record.js';
import { checkStateDir } from '../../app/state-dir.js';
import type { Env } from '../../core/env.js';
import { UsageError } from '../../core/errors.js';
import { proxyAwareFetch } from '../../gitlab/proxy.js';
import type { CliContext, CommandContext } from '../context.js';
import { reportResolution } from '../output.js';

export interface ExecIo {
  stdout: NodeJS.WritableStream & import('node:stream').Writable;
  stderr: NodeJS.WritableStream & import('node:stream').Writable;
  /** Subscribes to SIGINT/SIGTERM/SIGHUP for the whole run; returns an unsubscribe. */
  onSignal?: (forward: (sig: NodeJS.Signals) => void) => () => void;
}

type ExecFlags = CommonFlags & { shell?: boolean; configure?: string[]; passApiToken?: boolean };

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
  ctx: CommandContext,
  io: ExecIo,
): Promise<number> {
  if (argv.length === 0 && (flags.job === undefined || swallowed(flags).length > 0)) throw noCommand(flags);
  // The run records its files there before writing them: refuse a planted one first.
  checkStateDir(ctx.env);
  const stop = new Stop();
  const run = new RunDir(ctx.env);
  // From here on a token may be created: no signal may end the process before it is deleted again.
  const unsubscribe = io.onSignal?.((sig) => stop.receive(sig));
  try {
    const settled: Promise<Settled> = runFlow(flags, {
      ...ctx,
      ...(io.onSignal ? { fetch: stoppableFetch(ctx, stop) } : {}),
      notice: (l) => ctx.stderr.write(`deploy-token: ${l}\n`),
      ephemeral: { mode: 'create', random: run.stamp },
    }).then(
      (flow) => ({ flow }),
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([settled, stop.stopped.then(() => undefined)]);
    if (first === undefined || stop.signal) return await stoppedEarly(settled, stop, ctx);
    if ('error' in first) throw first.error;
    const steps = stepsOf(argv, first.flow, flags);
    return await execResolved({ flow: first.flow, steps, flags, ctx, io, stop }, run);
  } finally {
    unsubscribe?.();
    run.discard();
  }
}

/**
 * Stopped before the command: a request in flight may settle (bounded), then what it made is undone.
 * Nothing asked to be created: stop at once (the lookups in flight are abandoned).
 */
async function stoppedEarly(settled: Promise<Settled>, stop: Stop, ctx: CommandContext): Promise<number> {
  const late = stop.posted
    ? await within(settled, ctx.http?.deadlineMs ?? DEFAULT_DEADLINE_MS)
    : await within(settled, 0);
  ctx.stderr.write(`deploy-token: stopped by ${stop.signal ?? 'a signal'} before the command started\n`);
  if (late && 'flow' in late) {
    const d = await discardEphemeral(late.flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? '' : 'warning: '}${d.line}\n`);
  } else if (!late && stop.posted) {
    ctx.stderr.write(
      'deploy-token: warning: GitLab had not answered the ephemeral token request; if it created the token, it expires at 00:00 UTC and `deploy-token cleanup --ephemeral` deletes it once it is older than --ephemeral-older-than (default 6h) or has expired\n',
    );
  }
  return stop.code;
}

/**
 * The command's environment: ours, plus the job's variables and the files' variables. The API token
 * stays out unless asked for (`--pass-api-token`): the variable it was read from (GITLAB_TOKEN,
 * GITLAB_ACCESS_TOKEN, OAUTH_TOKEN or the one named, src/app/connection.ts) and any other that holds
 * the same value. The child needs the deploy token, not a Maintainer's API token.
 */
export function childEnv(
  env: Env,
  vars: readonly { name: string; value: string }[],
  api: { name: string | undefined; token: string | undefined; pass: boolean },
): Record<string, string | undefined> {
  const withheld = (k: string, v: string | undefined) =>
    !api.pass && (k === api.name || (api.token !== undefined && v === api.token));
  const out = Object.fromEntries(Object.entries(env).filter(([k, v]) => !withheld(k, v)));
  for (const v of vars) out[v.name] = v.value;
  return out;
}

/** A command as given (`-- CMD ARG…`), or one `run:` line of the job through `sh -c`. */
interface Step {
  command: string;
  args: string[];
  /** Through /bin/sh -c (`--shell`); a run: line is already `sh -c LINE`. */
  shell: boolean;
}

/**
 * --configure's values split: the clients (distinct client names, from the start), and the rest, a
 * command it swallowed (`--configure docker docker push x`: `docker push x`).
 */
function splitConfigure(flags: ExecFlags): { clients: string[]; rest: string[] } {
  const all = flags.configure ?? [];
  const end = all.findIndex((c, i) => !isClientName(c) || all.indexOf(c) < i);
  return end === -1 ? { clients: all, rest: [] } : { clients: all.slice(0, end), rest: all.slice(end) };
}
const swallowed = (flags: ExecFlags) => splitConfigure(flags).rest;

/**
 * No command: when one was read as a flag's values (`--configure docker docker push x`), say so and
 * show it after `--`; else say exec needs one.
 */
function noCommand(flags: ExecFlags): UsageError {
  const { clients, rest } = splitConfigure(flags);
  const words = rest.join(' ').slice(0, 80);
  if (words !== '') {
    return new UsageError(
      `exec has no command: "${words}" was read as clients of --configure`,
      `put the command after --: deploy-token exec --configure ${clients.join(' ') || 'CLIENT'} -- ${words}`,
      '--configure',
    );
  }
  return new UsageError(
    'exec needs a command after -- (or --job NAME whose spec has run: lines)',
    'put the command after --, e.g. deploy-token exec -- docker pull registry.example.com/img',
  );
}

/** The command given, else the job's `run:` lines in order, each through `sh -c`. */
function stepsOf(argv: string[], flow: FlowResult, flags: ExecFlags): Step[] {
  const [command, ...args] = argv;
  if (command !== undefined) return [{ command, args, shell: flags.shell === true }];
  const lines = flow.settings.job?.spec.run ?? [];
  if (lines.length === 0) {
    throw new UsageError(
      `exec --job ${flags.job ?? ''} has no command: the job has no run: lines`,
      `put the command after --, or add run: lines to job ${flags.job ?? ''} in the spec`,
      `spec jobs.${flags.job ?? ''}.run`,
    );
  }
  return lines.map((line) => ({ command: 'sh', args: ['-c', line], shell: false }));
}

/** One exec run: the resolved flow, the commands, and what they run with. */
interface ExecRun {
  flow: FlowResult;
  steps: Step[];
  flags: ExecFlags;
  ctx: CommandContext;
  io: ExecIo;
  stop: Stop;
}

/**
 * The delivery, then the command. Credential files live only as long as the command: recorded (with
 * this process's id) before they are written, so `deploy-token cleanup` removes them after a kill -9;
 * removed at the end, also on failure or signal, and even on an unexpected crash (synchronously, on
 * exit). An ephemeral token lives exactly as long as the command: deleted at its end, also on failure.
 */
async function execResolved(x: ExecRun, run: RunDir): Promise<number> {
  const { flow, flags, ctx } = x;
  if (!reportResolution(ctx.stderr, flow.resolution)) return flow.resolution.exitCode;
  const record = new RunRecord(ctx.env, run, { now: ctx.now, pid: process.pid });
  const onExit = () => void record.close(false);
  process.once('exit', onExit);
  const delivery = new Delivery(flow, {
    env: ctx.env,
    run,
    ledger: record,
    clients: parseClients(flags.configure),
    // One scrubber: the child's output is masked with everything the run knows (the password, the API
    // token whether passed or not, the environment's secrets), and each secret variable besides.
    masks: {
      scrubber: ctx.scrubber,
      onWarning: (w) => ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`),
    },
    say: (l) => ctx.stderr.write(`deploy-token: ${l}\n`),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}\n`),
  });
  try {
    const v = await delivery.deliver();
    return await runCommand(x, [...v.job, ...v.files]);
  } finally {
    process.off('exit', onExit);
    await delivery.undo();
  }
}

/**
 * The commands in order, in their environment (the job's variables and the files' variables), output
 * masked; the first that fails ends the run with its exit code.
 */
async function runCommand(x: ExecRun, vars: readonly { name: string; value: string }[]): Promise<number> {
  const { flow, steps, flags, ctx, io, stop } = x;
  const env = childEnv(ctx.env, vars, {
    name: flow.settings.gitlab.tokenVariable,
    token: flow.settings.gitlab.apiToken,
    pass: flags.passApiToken === true,
  });
  for (const step of steps) {
    if (stop.signal) {
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal} before the command started\n`);
      return stop.code;
    }
    const code = await runChild({
      ...step,
      env,
      cwd: ctx.cwd,
      registry: ctx.scrubber.registry,
      stdout: io.stdout,
      stderr: io.stderr,
      onError: (m) => ctx.stderr.write(`deploy-token: ${m}\n`),
      onSignal: stop.attach,
    });
    if (code !== 0) return code;
  }
  return 0;
}
