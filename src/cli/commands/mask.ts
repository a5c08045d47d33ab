/** `mask --secret-env NAME...`: stdin to stdout with every registered secret masked; a filter for any log. */
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from '../../core/errors.js';
import { createMaskStream, SecretRegistry } from '../../mask/index.js';
import type { CliContext } from '../context.js';

export async function runMask(
  names: string[],
  ctx: CliContext,
  io: { stdin: Readable; stdout: Writable },
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
  await pipeline(io.stdin, createMaskStream(registry), io.stdout);
  return 0;
}
