/** Run the CLI in-process with captured output and an injected environment. */
import { Readable } from 'node:stream';
import type { CliContext } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  opts: {
    cwd?: string;
    now?: Date;
    isTTY?: boolean;
    sleep?: CliContext['sleep'];
    http?: CliContext['http'];
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    env,
    cwd: opts.cwd ?? process.cwd(),
    stdout: { write: (s) => void (stdout += s), isTTY: opts.isTTY ?? false },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.isTTY ?? false },
    stdin: Readable.from([]),
    now: () => opts.now ?? new Date('2026-11-25T10:00:00Z'),
    sleep: opts.sleep ?? (async () => undefined),
    ...(opts.http ? { http: opts.http } : {}),
  };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}
