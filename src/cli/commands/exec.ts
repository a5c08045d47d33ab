/** `exec [--job NAME] -- CMD [ARG...]`: resolve, run CMD with the variables and masked output, exit with its code. */
import { jobVariables } from '../../app/exports.js';
import { runFlow } from '../../app/flow.js';
import type { CommonFlags } from '../../app/options.js';
import { runChild } from '../../app/child.js';
import { discardEphemeral } from '../../app/ephemeral.js';
import { parseClients, writeJobCredentials } from '../../app/credentials.js';
import { cleanup } from '../../credentials/index.js';
import { UsageError } from '../../core/errors.js';
import { SecretRegistry } from '../../mask/index.js';
import type { CliContext } from '../context.js';

export interface ExecIo {
  stdout: NodeJS.WritableStream & import('node:stream').Writable;
  stderr: NodeJS.WritableStream & import('node:stream').Writable;
  onSignal?: (forward: (sig: NodeJS.Signals) => void) => () => void;
}

export async function runExec(
  argv: string[],
  flags: CommonFlags & { shell?: boolean; configure?: string[] },
  ctx: CliContext,
  io: ExecIo,
): Promise<number> {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      'exec needs a command after --',
      'e.g. deploy-token exec -- docker pull registry.example.com/img',
    );
  const flow = await runFlow(flags, { ...ctx, ephemeral: { mode: 'create' } });
  try {
    return await execResolved(flow, command, args, flags, ctx, io);
  } finally {
    // An ephemeral token lives exactly as long as the command: deleted at its end, also on failure.
    const d = await discardEphemeral(flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? '' : 'warning: '}${d.line}\n`);
  }
}

async function execResolved(
  flow: Awaited<ReturnType<typeof runFlow>>,
  command: string,
  args: string[],
  flags: CommonFlags & { shell?: boolean; configure?: string[] },
  ctx: CliContext,
  io: ExecIo,
): Promise<number> {
  const r = flow.resolution;
  for (const w of r.warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
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
      ...(io.onSignal ? { onSignal: io.onSignal } : {}),
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
