/**
 * The manifest of what a run created (files, directories, exported variable names, ephemeral tokens).
 * The action's post step, the end of `exec` and `deploy-token cleanup` remove exactly that:
 * idempotently, never following symlinks, never touching anything outside the private directory.
 * Cleanup is synchronous on purpose: `exec` also runs it from a process 'exit' handler, where nothing
 * asynchronous completes (`await cleanup(m)` works all the same).
 * A manifest read from disk is trusted only when it is ours (see `untrustedManifest`), and what it
 * names is touched only inside its own private directory, itself ours and 0700.
 */
import { lstatSync, readdirSync, readFileSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../export/files.js';

export interface EphemeralToken {
  level: 'project' | 'group';
  id: string | number;
  tokenId: number;
  /** The token's name (deploy-token-ephemeral-…) and the instance, so cleanup can delete it. */
  name?: string;
  gitlabUrl?: string;
}

export interface Manifest {
  version: 1;
  createdAt: string;
  /** The private directory everything lives in. */
  dir: string;
  files: string[];
  dirs: string[];
  variables: string[];
  /** Deploy tokens created for this run, to be deleted by whoever can call the API. */
  ephemeralTokens?: EphemeralToken[];
  /**
   * The CI job that recorded it (GitLab: instance, project and job id; GitHub: run, attempt, job);
   * absent outside CI. `cleanup` acts only on the current job's records unless `--all`.
   */
  job?: string;
}

const NOT_A_MANIFEST = 'pass the manifest file an earlier run wrote';

export function parseManifest(text: string, where: string): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not a deploy-token manifest (not JSON)`, NOT_A_MANIFEST);
  }
  const o = m as Partial<Manifest> | null;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const tokens = (x: unknown) =>
    x === undefined ||
    (Array.isArray(x) &&
      x.every(
        (t: Partial<EphemeralToken> | null) =>
          (t?.level === 'project' || t?.level === 'group') &&
          (typeof t.id === 'string' || typeof t.id === 'number') &&
          Number.isInteger(t.tokenId) &&
          (t.name === undefined || typeof t.name === 'string') &&
          (t.gitlabUrl === undefined || typeof t.gitlabUrl === 'string'),
      ));
  if (
    o?.version !== 1 ||
    typeof o.dir !== 'string' ||
    !isAbsolute(o.dir) ||
    !strings(o.files) ||
    !strings(o.dirs) ||
    !strings(o.variables) ||
    !tokens(o.ephemeralTokens) ||
    (o.job !== undefined && typeof o.job !== 'string')
  ) {
    throw new UsageError(`${where} is not a deploy-token manifest`, NOT_A_MANIFEST);
  }
  return o as Manifest;
}

export function loadManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read manifest ${path} (${(e as { code?: string }).code ?? 'error'})`,
      'check the path',
    );
  }
  return parseManifest(text, path);
}

/** Written 0600, atomically, never through a planted file or link (it names, never holds, secrets). */
export function saveManifest(m: Manifest, path: string): void {
  writeFileAtomic(path, `${JSON.stringify(m, null, 2)}\n`, 0o600);
}

/**
 * Why a manifest file on disk must not be used for anything, or undefined when it may: it must be a
 * regular file (not a symlink), of this user, writable by nobody else. Another local user could
 * otherwise plant one naming this user's files or tokens. `uid` is injected for tests.
 */
export function untrustedManifest(
  path: string,
  uid: number | undefined = process.getuid?.(),
): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    return `it cannot be read (${(e as { code?: string }).code ?? 'error'})`;
  }
  if (st.isSymbolicLink()) return 'it is a symlink';
  if (!st.isFile()) return 'it is not a regular file';
  if (uid !== undefined && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 0o022) !== 0) return `others may write it (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}

function inside(dir: string, p: string): boolean {
  const rel = relative(resolve(dir), resolve(p));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export interface CleanupReport {
  removed: string[];
  missing: string[];
  /** Listed, but not removed: outside the directory, reached through a symlink, or not what we made. */
  refused: string[];
}

const stat = (p: string): Stats | undefined => {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
};

/**
 * Every directory from the private directory down to p's parent must be a real directory: if one was
 * swapped for a symlink, unlinking p would act on whatever it points at.
 */
function realParents(dir: string, p: string): boolean {
  for (let d = dirname(resolve(p)); ; d = dirname(d)) {
    const st = stat(d);
    if (st && !st.isDirectory()) return false; // a symlink (lstat) or a file
    if (d === resolve(dir) || d === dirname(d)) return true;
  }
}

export interface CleanupOptions {
  /** List what would be removed; remove nothing. */
  dryRun?: boolean;
  /** This user's uid (injected for tests). */
  uid?: number | undefined;
}

export function cleanup(m: Manifest, opts: CleanupOptions = {}): CleanupReport {
  const report: CleanupReport = { removed: [], missing: [], refused: [] };
  const dry = opts.dryRun === true;
  const uid = 'uid' in opts ? opts.uid : process.getuid?.();
  const top = stat(m.dir);
  if (top && (!top.isDirectory() || (uid !== undefined && top.uid !== uid) || (top.mode & 0o077) !== 0)) {
    // Not the private directory we made (a real directory of ours, 0700): touch nothing in it.
    report.refused.push(m.dir, ...m.files, ...m.dirs);
    return report;
  }
  // In a dry run nothing goes, so a directory counts as empty when all it holds would go.
  const gone = new Set<string>();
  const remove = (p: string, rm: (p: string) => void) => {
    if (!dry) rm(p);
    gone.add(resolve(p));
    report.removed.push(p);
  };
  const empty = (d: string) => readdirSync(d).every((e) => gone.has(resolve(d, e)));
  for (const f of m.files) {
    if (!inside(m.dir, f) || !realParents(m.dir, f)) {
      report.refused.push(f);
      continue;
    }
    const st = stat(f);
    if (!st) report.missing.push(f);
    else if (st.isDirectory()) report.refused.push(f);
    else remove(f, unlinkSync); // a symlink is removed itself, never followed
  }
  for (const d of [...m.dirs].sort((a, b) => b.length - a.length)) {
    if (!inside(m.dir, d) || !realParents(m.dir, d)) {
      report.refused.push(d);
      continue;
    }
    const st = stat(d);
    if (!st) report.missing.push(d);
    else if (!st.isDirectory() || !empty(d)) report.refused.push(d);
    else remove(d, rmdirSync);
  }
  if (!top) report.missing.push(m.dir);
  else if (!empty(m.dir)) report.refused.push(m.dir);
  else remove(m.dir, rmdirSync);
  return report;
}
