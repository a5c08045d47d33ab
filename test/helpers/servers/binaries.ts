/**
 * The real clients and servers the credential tests run. A missing one FAILS the test with the fix
 * (never a silent skip): CI installs them with scripts/install-test-deps.sh.
 */
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

const FIX =
  'run scripts/install-test-deps.sh (as root) to install the real servers and clients the tests use';

/** The absolute path of a binary (an absolute path, or a name looked up on PATH), or a failure. */
export function needBinary(nameOrPath: string, what = nameOrPath): string {
  const candidates = isAbsolute(nameOrPath)
    ? [nameOrPath]
    : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, nameOrPath));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  throw new Error(`${what} is missing (${nameOrPath}): ${FIX}`);
}

/** A file a test needs from a Debian package, or a failure naming the package. */
export function needFile(path: string, what: string): string {
  try {
    accessSync(path, constants.R_OK);
    return path;
  } catch {
    throw new Error(`${what} is missing (${path}): ${FIX}`);
  }
}

/** A Python 3 interpreter that has pip (Debian's python3-pip), as an absolute path. */
export function needPythonWithPip(): string {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      return execFileSync(py, ['-c', 'import sys, pip; print(sys.executable, end="")'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      /* next */
    }
  }
  throw new Error(`python3 with pip is missing: ${FIX}`);
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A command run without blocking: the test servers answer from this same process, so a client run
 * with execFileSync would wait for an answer that never comes. Killed after timeoutMs.
 */
export function runAsync(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}
