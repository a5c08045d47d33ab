/** `mask --secret-env NAME...`: stdin to stdout with every registered secret masked; a filter for any log. */
import { fstatSync } from 'node:fs';
import { Writable } from 'node:stream';
import { isReaderGone, UsageError } from '../../core/errors.js';
import { maskFile, maskPipe, SecretRegistry } from '../../mask/index.js';
import type { CliContext } from '../context.js';

/** The descriptor of `stdin` when it is a regular file (read directly, in large pieces). */
function regularFileFd(stdin: unknown): number | undefined {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    return fstatSync(fd).isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
}

export async function runMask(
  names: string[],
  ctx: CliContext,
  io: { stdin?: NodeJS.ReadableStream; stdout?: Writable } = {},
): Promise<number> {
  if (names.length === 0)
    throw new UsageError(
      'mask needs --secret-env NAME',
      'e.g. some-build 2>&1 | deploy-token mask --secret-env CI_DEPLOY_PASSWORD',
    );
  const registry = new SecretRegistry();
  for (const name of names) {
    const value = ctx.env[name];
    if (value === undefined || value === '') {
      ctx.stderr.write(
        `deploy-token: warning: ${name} is not set; nothing to mask for it [secret-env-unset]\n`,
      );
      continue;
    }
    for (const w of registry.add(value))
      ctx.stderr.write(`deploy-token: warning: ${name}: ${w.message} [${w.code}]\n`);
  }
  const stdin = io.stdin ?? ctx.stdin;
  const stdout =
    io.stdout ??
    ctx.stdoutStream ??
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        ctx.stdout.write(chunk.toString('utf8'));
        cb();
      },
    });
  const fd = regularFileFd(stdin);
  try {
    if (fd !== undefined) await maskFile(fd, stdout, registry);
    else await maskPipe(stdin, stdout, registry);
  } catch (e) {
    // The reader stopped reading (`… | deploy-token mask | head`): done, as `cat` would be.
    if (!isReaderGone(e)) throw e;
  }
  return 0;
}
