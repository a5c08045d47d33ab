/**
 * The `validate` command without commander: reads the files (default `deploy-token.yml`, and
 * `.gitlab-ci.yml` when present), validates each as a job spec or a CI file, prints the findings in
 * the chosen format and returns the exit code: 0 no error-level finding, 1 findings, 2 bad usage or an
 * unreadable file, 3 internal error. Never prints a stack trace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkCi } from './check.js';
import { loadCi, type CiFs } from './ci/load.js';
import { detectKind } from './detect.js';
import { hasErrors, normalizeFindings, type Finding } from './finding.js';
import { globRegex } from './glob.js';
import { formatCodeQuality } from './format/codequality.js';
import { formatGithub } from './format/github.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import type { SpecScopes } from './rule.js';
import { specJobs } from './spec/jobs.js';
import { applySuppressions } from './suppress.js';
import { get, str, type YNode } from '../yaml/tree.js';
import { DEFAULT_SPEC } from '../spec/types.js';

/** What to do when a file given to validate cannot be read, by the system's error code. */
const READ_HINT: Record<string, string> = {
  ENOENT: 'no such file: check the path given to validate (relative to the working directory)',
  EISDIR: 'a directory: name the YAML file inside it (e.g. .gitlab-ci.yml or deploy-token.yml)',
  EACCES: 'permission denied: make the file readable by this user',
};

export type ValidateFormat = 'text' | 'json' | 'sarif' | 'codequality' | 'github';
export const VALIDATE_FORMATS: readonly ValidateFormat[] = ['text', 'json', 'sarif', 'codequality', 'github'];

export interface Sink {
  write(s: string): void;
}

export const DEFAULT_CI = '.gitlab-ci.yml';

function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return shown.split(sep).join('/');
}

function globFiles(dir: string, pattern: string): string[] {
  const re = globRegex(pattern);
  const out: string[] = [];
  const walk = (d: string, rel: string, depth: number) => {
    if (depth > 12 || out.length > 500) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n === 'node_modules' || n === '.git') continue;
      const abs = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(abs, r, depth + 1);
      else if (re.test(r)) out.push(abs.split(sep).join('/'));
    }
  };
  walk(dir, '', 0);
  return out;
}

function specScopesOf(root: YNode | undefined, file: string): SpecScopes {
  const jobs = new Map<string, Set<string>>();
  if (root) {
    for (const j of specJobs(root)) {
      const scopes = get(j.node, 'scopes');
      jobs.set(j.name, new Set(scopes?.kind === 'seq' ? scopes.items.map((i) => str(i) ?? '') : []));
    }
  }
  return { file, jobs };
}

interface Input {
  abs: string;
  shown: string;
  text: string;
  kind: 'spec' | 'ci';
}

/** Reads the files to validate; an unreadable one is reported (exit 2) and skipped. */
function readInputs(targets: string[], cwd: string, err: Sink): { inputs: Input[]; unreadable: boolean } {
  const inputs: Input[] = [];
  let unreadable = false;
  for (const f of targets) {
    const abs = resolve(cwd, f);
    try {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const text = readFileSync(abs, 'utf8');
      inputs.push({ abs, shown: displayPath(cwd, abs), text, kind: detectKind(abs, text) });
    } catch (e) {
      const code = (e as { code?: string }).code;
      err.write(`deploy-token: error: cannot read ${f}${code ? ` (${code})` : ''}\n`);
      err.write(
        `  hint: ${READ_HINT[code ?? ''] ?? 'check the path given to validate and that the file can be read'}\n`,
      );
      unreadable = true;
    }
  }
  return { inputs, unreadable };
}

/** The spec loader (schema, templates) loads only when there is a spec to read. */
async function specAnalyzer(): Promise<typeof import('./spec/load.js').analyzeSpec> {
  return (await import('./spec/load.js')).analyzeSpec;
}

/** The scopes of the spec beside a CI file (deploy-token.yml in its directory), if any. */
async function scopesBeside(ciAbs: string, cwd: string): Promise<SpecScopes | undefined> {
  const beside = join(resolve(ciAbs, '..'), DEFAULT_SPEC);
  if (!existsSync(beside)) return undefined;
  try {
    const a = (await specAnalyzer())(readFileSync(beside, 'utf8'), displayPath(cwd, beside));
    return a.root ? specScopesOf(a.root, displayPath(cwd, beside)) : undefined;
  } catch {
    return undefined; // an unreadable neighbour only means no scopes to compare with
  }
}

function ciFs(cwd: string): CiFs {
  return {
    read: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    glob: globFiles,
    display: (p) => displayPath(cwd, p),
  };
}

/** Every finding of the inputs, and the texts they point into. */
async function validateInputs(
  inputs: Input[],
  cwd: string,
): Promise<{ findings: Finding[]; texts: Map<string, string> }> {
  const texts = new Map<string, string>();
  const findings: Finding[] = [];
  // Specs first: their scopes quiet the push-scope hint of CI jobs.
  let scopes: SpecScopes | undefined;
  for (const inp of inputs.filter((i) => i.kind === 'spec')) {
    const a = (await specAnalyzer())(inp.text, inp.shown);
    texts.set(inp.shown, inp.text);
    findings.push(...a.findings);
    if (a.root && !scopes) scopes = specScopesOf(a.root, inp.shown);
  }
  for (const inp of inputs.filter((i) => i.kind === 'ci')) {
    const ciScopes = scopes ?? (await scopesBeside(inp.abs, cwd));
    const loaded = loadCi(inp.text, inp.abs.split(sep).join('/'), ciFs(cwd));
    const all: Finding[] = [...loaded.findings];
    if (loaded.model) all.push(...checkCi(loaded.model, ciScopes));
    for (const src of loaded.sources) texts.set(src.path, src.text);
    findings.push(...applySuppressions(all, loaded.sources));
  }
  return { findings, texts };
}

function format(findings: Finding[], texts: Map<string, string>, f: ValidateFormat, color: boolean): string {
  switch (f) {
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, texts);
    case 'codequality':
      return formatCodeQuality(findings, texts);
    case 'github':
      return formatGithub(findings);
    default:
      return formatText(findings, texts, color);
  }
}

export async function runValidate(
  files: string[],
  opts: { format: ValidateFormat; cwd: string; color?: boolean },
  out: Sink,
  err: Sink,
): Promise<number> {
  try {
    if (!VALIDATE_FORMATS.includes(opts.format)) {
      err.write(
        `deploy-token: error: unknown format "${String(opts.format)}"; expected one of ${VALIDATE_FORMATS.join(', ')}\n`,
      );
      return 2;
    }
    const cwd = resolve(opts.cwd);
    let targets = files;
    if (targets.length === 0) {
      targets = [DEFAULT_SPEC, DEFAULT_CI].filter((f) => existsSync(join(cwd, f)));
      if (targets.length === 0) {
        err.write(
          `deploy-token: error: no ${DEFAULT_SPEC} or ${DEFAULT_CI} in ${cwd}\n  hint: name the files to validate: deploy-token validate FILE...\n`,
        );
        return 2;
      }
    }
    const { inputs, unreadable } = readInputs(targets, cwd, err);
    const { findings, texts } = await validateInputs(inputs, cwd);
    const sorted = normalizeFindings(
      findings,
      inputs.map((i) => i.shown),
    );
    out.write(format(sorted, texts, opts.format, opts.color ?? false));
    if (unreadable) return 2;
    return hasErrors(sorted) ? 1 : 0;
  } catch (e) {
    err.write(`deploy-token: error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    err.write('  hint: this is a bug in deploy-token: please report it with the command you ran\n');
    return 3;
  }
}
