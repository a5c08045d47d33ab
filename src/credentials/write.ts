/**
 * Writing credential files: a private directory (0700) under RUNNER_TEMP, else the system temp dir,
 * never the workspace; files 0600 created exclusively with O_NOFOLLOW, so a planted file or symlink
 * is never written through. All or nothing: on any failure, what was written is removed.
 */
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  realpathSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { Manifest } from './manifest.js';
import type { CredentialPlan } from './types.js';

/** Creates the private directory and checks it is what we made: a real directory, ours, 0700. */
export function privateDir(env: Env): string {
  const base = env.RUNNER_TEMP && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir();
  let dir: string;
  try {
    dir = mkdtempSync(join(realpathSync(base), 'deploy-token-'));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot create a private directory in ${base}${code ? ` (${code})` : ''}`,
      'check that RUNNER_TEMP (or the system temp dir) exists and is writable',
    );
  }
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  if (
    !st.isDirectory() ||
    st.isSymbolicLink() ||
    (uid !== undefined && st.uid !== uid) ||
    (st.mode & 0o077) !== 0
  ) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(
      `the private directory ${dir} is not private`,
      'check the temp directory for tampering',
    );
  }
  return dir;
}

/** The file operations writing uses, injected so tests can simulate a full disk. */
export interface WriteIo {
  openSync: typeof openSync;
  writeSync: (fd: number, data: string) => number;
}
const FS_IO: WriteIo = { openSync, writeSync: (fd, data) => writeSync(fd, data) };

export function writeCredentials(
  plan: CredentialPlan,
  dir: string,
  variables: string[] = [],
  io: WriteIo = FS_IO,
): Manifest {
  const manifest: Manifest = {
    version: 1,
    createdAt: new Date().toISOString(),
    dir,
    files: [],
    dirs: [],
    variables: [...variables],
  };
  try {
    for (const f of plan.files) {
      const path = join(dir, f.path);
      // Subdirectories (docker/) are created 0700 inside the private directory.
      const parent = dirname(path);
      if (parent !== dir) {
        mkdirSync(parent, { recursive: true, mode: 0o700 });
        for (let d = parent; d !== dir && d.startsWith(`${dir}/`); d = dirname(d)) {
          if (!manifest.dirs.includes(d)) manifest.dirs.push(d);
        }
      }
      const fd = openSync(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        f.mode,
      );
      manifest.files.push(path);
      try {
        io.writeSync(fd, f.content);
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // the directory itself could not be made: nothing to remove
    }
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot write credential files in ${dir}${code ? ` (${code})` : ''}; nothing was left behind`,
      'check free space and permissions of the temp directory',
    );
  }
  return manifest;
}
