/**
 * The manifest of what a run created (files, directories, exported variable names, ephemeral tokens).
 * The action's post step, the end of `exec` and `deploy-token cleanup` remove exactly that:
 * idempotently, never following symlinks, never touching anything outside the private directory.
 * Cleanup is synchronous on purpose: `exec` also runs it from a process 'exit' handler, where nothing
 * asynchronous completes (`await cleanup(m)` works all the same).
 * A manifest read from disk is trusted only when it is ours (see `untrustedManifest`), and what it
 * names is touched only inside its own private directory, itself ours and 0700. A manifest from
 * elsewhere (the action's saved state, a record a dead run left) must also name a directory this
 * tool creates directly in the temp directory, holding the random marker the run wrote into it
 * (`untrustedRunDir`): nothing else is touched.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { whyNotOurs } from '../core/owned.js';
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
  /** The random marker the run wrote into `dir` (MARKER_FILE): proof the directory is the run's. */
  marker?: string;
  /** The process that recorded it while it runs (exec): `cleanup` leaves a live run's files alone. */
  pid?: number;
}

/** The file in a run's directory that holds its marker. */
export const MARKER_FILE = '.deploy-token-run';
const MARKER_RE = /^[0-9a-f]{32}$/;
/** What the private directories this tool makes are called (mkdtemp adds six characters). */
export const RUN_DIR_RE = /^deploy-token-[A-Za-z0-9]{6}$/;

/** The part of a marker an ephemeral token's name carries (its random suffix). */
export function markerStamp(marker: string): string {
  return marker.slice(0, 12);
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
    (o.job !== undefined && typeof o.job !== 'string') ||
    (o.marker !== undefined && typeof o.marker !== 'string') ||
    (o.pid !== undefined && !Number.isInteger(o.pid))
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
  return whyNotOurs(path, 'file', uid);
}

/**
 * Writes a fresh random marker into `dir` (exclusively, never through a planted file or link, 0600)
 * and returns it. The run records it; whoever cleans up later checks it (`untrustedRunDir`).
 */
export function writeMarker(
  dir: string,
  random: () => string = () => randomBytes(16).toString('hex'),
): string {
  const marker = random();
  if (!MARKER_RE.test(marker)) throw new Error('internal: a marker is 32 hex digits');
  const fd = openSync(
    join(dir, MARKER_FILE),
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    writeSync(fd, `${marker}\n`);
  } finally {
    closeSync(fd);
  }
  return marker;
}

/** The marker in `dir`, when the file is a regular file of ours that nobody else can read or write. */
function readMarker(dir: string, uid: number | undefined): string | undefined {
  const path = join(dir, MARKER_FILE);
  const st = stat(path);
  if (!st?.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0 || st.size > 64)
    return undefined;
  return readFileSync(path, 'utf8').trim();
}

/**
 * Why the run directory a manifest names must not be touched, or undefined when it may: it must be
 * a directory this tool creates (`deploy-token-XXXXXX`) directly in `base` (RUNNER_TEMP or the temp
 * dir, as `privateDir` makes it), a real directory (not a symlink) of this user with mode 0700, and
 * hold the marker the manifest records. `gone`: the directory no longer exists (nothing to remove).
 */
export function untrustedRunDir(
  m: Manifest,
  base: string,
  uid: number | undefined = process.getuid?.(),
): string | undefined {
  if (m.marker === undefined || !MARKER_RE.test(m.marker)) return 'it records no marker';
  let root: string;
  try {
    root = realpathSync(base);
  } catch {
    return `the temp directory ${base} cannot be read`;
  }
  if (dirname(m.dir) !== root || !RUN_DIR_RE.test(basename(m.dir)))
    return `${m.dir} is not a directory this tool creates in ${root}`;
  const st = stat(m.dir);
  if (!st) return 'gone';
  if (!st.isDirectory()) return `${m.dir} is not a directory (a symlink?)`;
  if (uid !== undefined && st.uid !== uid) return `${m.dir} belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 0o777) !== 0o700) return `${m.dir} has mode ${(st.mode & 0o777).toString(8)}, not 700`;
  if (readMarker(m.dir, uid) !== m.marker) return `${m.dir} does not hold the marker its run wrote`;
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
  /** Why nothing at all was touched (the run directory is not the run's). */
  why?: string;
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
  /**
   * The temp directory the run's directory must sit in: set for a manifest from elsewhere (saved
   * state, a record on disk), which is then checked with `untrustedRunDir` before anything is touched.
   */
  base?: string;
  /** Keep the marker (and so the directory): the run still lists ephemeral tokens to delete. */
  keepMarker?: boolean;
}

export function cleanup(m: Manifest, opts: CleanupOptions = {}): CleanupReport {
  const report: CleanupReport = { removed: [], missing: [], refused: [] };
  const dry = opts.dryRun === true;
  const uid = 'uid' in opts ? opts.uid : process.getuid?.();
  if (opts.base !== undefined) {
    const why = untrustedRunDir(m, opts.base, uid);
    if (why === 'gone') {
      report.missing.push(m.dir);
      return report;
    }
    if (why) {
      report.refused.push(m.dir, ...m.files, ...m.dirs);
      report.why = why;
      return report;
    }
  }
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
  if (top && m.marker !== undefined && !opts.keepMarker && readMarker(m.dir, uid) === m.marker) {
    // Ours, not one of the run's files: removed without being listed.
    const marker = join(m.dir, MARKER_FILE);
    if (!dry) unlinkSync(marker);
    gone.add(resolve(marker));
  }
  if (!top) report.missing.push(m.dir);
  else if (opts.keepMarker && stat(join(m.dir, MARKER_FILE))) return report;
  else if (!empty(m.dir)) report.refused.push(m.dir);
  else remove(m.dir, rmdirSync);
  return report;
}
