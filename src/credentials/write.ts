/**
 * Writing credential files: a private directory (0700) under RUNNER_TEMP, else the system temp dir,
 * never the workspace; files created exclusively with O_NOFOLLOW and set to their mode with fchmod
 * (the umask cannot widen or narrow it), sub-directories created one by one, exclusively, so a planted
 * file or symlink is never written through (as aws-actions/configure-aws-credentials does).
 * All or nothing: on any failure, what was written is removed before the error is thrown.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { Manifest } from './manifest.js';
import type { CredentialLayout } from './types.js';

/** A directory only we can use: a real directory (not a symlink), owned by us, nothing for others. */
function isPrivate(dir: string): boolean {
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
}

/** Where private directories (and the CLI's state directory) are made: RUNNER_TEMP, else the system temp dir. */
export function tempBase(env: Env): string {
  return env.RUNNER_TEMP && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir();
}

/** Creates the private directory and checks it is what we made. */
export function privateDir(env: Env): string {
  const base = tempBase(env);
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
  if (!isPrivate(dir)) {
    rmSync(dir, { recursive: true, force: true });
    throw new UsageError(
      `the private directory ${dir} is not private`,
      'check the temp directory for tampering',
    );
  }
  return dir;
}

/**
 * The manifest `writeCredentials` returns for `layout` in `dir` once every file is written: recorded
 * before the first write, so whatever a killed run leaves is listed somewhere.
 */
export function layoutManifest(layout: CredentialLayout, dir: string, variables: string[]): Manifest {
  const dirs: string[] = [];
  for (const f of layout.files) {
    let parent = dir;
    for (const part of f.path.split('/').slice(0, -1)) {
      parent = join(parent, part);
      if (!dirs.includes(parent)) dirs.push(parent);
    }
  }
  const files = layout.files.map((f) => join(dir, f.path));
  return { version: 1, createdAt: new Date().toISOString(), dir, files, dirs, variables: [...variables] };
}

/** The file operations writing uses, injected so tests can simulate a full disk. */
export interface WriteIo {
  openSync: typeof openSync;
  writeSync: (fd: number, data: string) => number;
}
const FS_IO: WriteIo = { openSync, writeSync: (fd, data) => writeSync(fd, data) };

/**
 * Writes every file of the layout into `dir` (default: the layout's). Synchronous, so it can run where
 * nothing may be left half done; `await writeCredentials(layout)` works all the same. The manifest's
 * variables default to the layout's.
 */
export function writeCredentials(
  layout: CredentialLayout,
  dir: string | undefined = layout.dir,
  variables: string[] = layout.variables.map((v) => v.name),
  io: WriteIo = FS_IO,
): Manifest {
  if (!dir) throw new UsageError('no directory to write the credential files in', 'use privateDir()');
  const manifest: Manifest = {
    version: 1,
    createdAt: new Date().toISOString(),
    dir,
    files: [],
    dirs: [],
    variables: [...variables],
  };
  let ours = false; // the directory is removed on failure only if it is ours to write in
  try {
    if (!isPrivate(dir)) {
      throw Object.assign(new Error('not a private directory'), { code: 'EPERM' });
    }
    ours = true;
    for (const f of layout.files) {
      // Each missing directory is made here, exclusively (EEXIST if something is already there).
      const parts = f.path.split('/');
      let parent = dir;
      for (const part of parts.slice(0, -1)) {
        parent = join(parent, part);
        if (manifest.dirs.includes(parent)) continue;
        mkdirSync(parent, { mode: 0o700 });
        manifest.dirs.push(parent);
      }
      const path = join(dir, f.path);
      const fd = io.openSync(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o600,
      );
      manifest.files.push(path);
      try {
        fchmodSync(fd, f.mode);
        const n = io.writeSync(fd, f.content);
        if (n !== Buffer.byteLength(f.content))
          throw Object.assign(new Error('short write'), { code: 'EIO' });
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    if (ours) undo(manifest);
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot write credential files in ${dir}${code ? ` (${code})` : ''}; nothing was left behind`,
      'check free space and permissions of the temp directory',
    );
  }
  return manifest;
}

/** Removes what this write created (files, then directories, then the directory if left empty). */
function undo(m: Manifest): void {
  for (const f of m.files) {
    try {
      unlinkSync(f);
    } catch {
      /* already gone */
    }
  }
  for (const d of [...[...m.dirs].reverse(), m.dir]) {
    try {
      if (lstatSync(d).isDirectory() && readdirSync(d).length === 0) rmdirSync(d);
    } catch {
      /* gone, or not ours to remove */
    }
  }
}
