/**
 * Running the built CLI (dist/cli.js) as its own process, as a CI job would, and sweeping the disk
 * afterwards for any form of a secret.
 */
import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const CLI = join(process.cwd(), 'dist', 'cli.js');

/** `deploy-token ARGS` in cwd with exactly env (plus PATH), killed after timeoutMs. */
export function deployToken(
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number },
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(t);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** `deploy-token exec --job JOB --shell -- COMMAND`: a job's script line, run with the job's credentials. */
export function execShell(
  job: string,
  command: string,
  opts: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number },
): Promise<Run> {
  return deployToken(['exec', '--job', job, '--shell', '--', command], opts);
}

/**
 * The forms a secret takes in credential files: raw, URL-encoded, and base64 of any text that holds it
 * (`user:secret` in docker's auths, a whole config in a Kubernetes secret): for each of the three
 * alignments the secret can have in base64's 3-byte groups, the characters that depend on it alone.
 */
export function secretForms(username: string, secret: string): string[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const aligned = [0, 1, 2].map((k) =>
    b64(`${'xx'.slice(0, k)}${secret}`).slice(k === 0 ? 0 : 4, k === 0 ? 20 : 24),
  );
  return [secret, encodeURIComponent(secret), ...aligned, b64(`${username}:${secret}`).slice(4, 28)].filter(
    (f, i, a) => f.length >= 8 && a.indexOf(f) === i,
  );
}

/** Every regular file under the roots (symlinks are not followed) that holds one of the forms. */
export function sweep(roots: string[], forms: string[]): string[] {
  const hits: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const f of names) walk(join(p, f));
    } else if (st.isFile() && st.size < 50_000_000) {
      let text: string;
      try {
        text = readFileSync(p).toString('latin1');
      } catch {
        return;
      }
      if (forms.some((f) => text.includes(f))) hits.push(p);
    }
  };
  roots.forEach(walk);
  return [...new Set(hits)].sort();
}
