/**
 * The manifest of what a run created (files, directories, exported variable names). The action's post
 * step, the end of `exec` and `deploy-token cleanup` remove exactly that: idempotently, never following
 * symlinks, never touching anything outside the private directory.
 */
import { lstatSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

export interface Manifest {
  version: 1;
  createdAt: string;
  /** The private directory everything lives in. */
  dir: string;
  files: string[];
  dirs: string[];
  variables: string[];
}

export function parseManifest(text: string, where: string): Manifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${where} is not a deploy-token manifest (not JSON)`,
      'pass the manifest file an earlier run wrote',
    );
  }
  const o = m as Partial<Manifest>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (
    o?.version !== 1 ||
    typeof o.dir !== 'string' ||
    !isAbsolute(o.dir) ||
    !strings(o.files) ||
    !strings(o.dirs) ||
    !strings(o.variables)
  ) {
    throw new UsageError(
      `${where} is not a deploy-token manifest`,
      'pass the manifest file an earlier run wrote',
    );
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

function inside(dir: string, p: string): boolean {
  const rel = relative(resolve(dir), resolve(p));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export interface CleanupReport {
  removed: string[];
  missing: string[];
  refused: string[];
}

export function cleanup(m: Manifest): CleanupReport {
  const report: CleanupReport = { removed: [], missing: [], refused: [] };
  const exists = (p: string) => {
    try {
      return lstatSync(p);
    } catch {
      return undefined;
    }
  };
  for (const f of m.files) {
    if (!inside(m.dir, f)) {
      report.refused.push(f);
      continue;
    }
    const st = exists(f);
    if (!st) report.missing.push(f);
    else if (st.isDirectory()) report.refused.push(f);
    else {
      unlinkSync(f); // a symlink is removed itself, never followed
      report.removed.push(f);
    }
  }
  for (const d of [...m.dirs].sort((a, b) => b.length - a.length)) {
    if (!inside(m.dir, d)) {
      report.refused.push(d);
      continue;
    }
    const st = exists(d);
    if (!st) report.missing.push(d);
    else if (!st.isDirectory() || readdirSync(d).length > 0) report.refused.push(d);
    else {
      rmdirSync(d);
      report.removed.push(d);
    }
  }
  const st = exists(m.dir);
  if (!st) report.missing.push(m.dir);
  else if (!st.isDirectory() || st.isSymbolicLink() || readdirSync(m.dir).length > 0)
    report.refused.push(m.dir);
  else {
    rmdirSync(m.dir);
    report.removed.push(m.dir);
  }
  return report;
}
