/** `exec [--job NAME] -- CMD [ARG...]`: resolve, run CMD with the variables and masked output, exit with its code. */
import { jobVariables } from '../../app/exports.js';
import { runFlow } from '../../app/flow.js';
import type { CommonFlags } from '../../app/options.js';
import { runChild } from '../../app/child.js';
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
  flags: CommonFlags & { shell?: boolean },
  ctx: CliContext,
  io: ExecIo,
): Promise<number> {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      'exec needs a command after --',
      'e.g. deploy-token exec -- docker pull registry.example.com/img',
    );
  const flow = await runFlow(flags, ctx);
  const r = flow.resolution;
  for (const w of r.warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}\n`);
    return r.exitCode;
  }
  const vars = jobVariables(flow, ctx.env);
  const registry = new SecretRegistry();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const w of registry.add(v.value, { username: r.credentials.username })) {
      ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
    }
  }
  const env = { ...ctx.env, ...Object.fromEntries(vars.map((v) => [v.name, v.value])) };
  return runChild({
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
}
