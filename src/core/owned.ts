/**
 * Whether a file or directory on disk is ours to trust: a real one (lstat: never a symlink), of this
 * user, that nobody else may write. Another local user could otherwise plant one that steers us.
 */
import { lstatSync, type Stats } from 'node:fs';

const KINDS = {
  directory: { is: (st: Stats) => st.isDirectory(), isNot: 'it is not a directory', write: 'write in it' },
  file: { is: (st: Stats) => st.isFile(), isNot: 'it is not a regular file', write: 'write it' },
} as const;

/**
 * Why `path` must not be used, or undefined when it may. `uid` is this user's (injected for tests;
 * undefined where there are none); `absentOk`: a path that does not exist (yet) is fine.
 */
export function whyNotOurs(
  path: string,
  kind: keyof typeof KINDS,
  uid: number | undefined,
  opts: { absentOk?: boolean } = {},
): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' && opts.absentOk ? undefined : `it cannot be read (${code ?? 'error'})`;
  }
  const k = KINDS[kind];
  if (st.isSymbolicLink()) return 'it is a symlink';
  if (!k.is(st)) return k.isNot;
  if (uid !== undefined && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 0o022) !== 0) return `others may ${k.write} (mode ${(st.mode & 0o777).toString(8)})`;
  return undefined;
}
