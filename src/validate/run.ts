/**
 * The `validate` command without commander: reads the files (default `deploy-token.yml`, and
 * `.gitlab-ci.yml` when present), validates each as a job spec or a CI file, prints the findings in
 * the chosen format and returns the exit code: 0 no error-level finding, 1 findings, 2 bad usage or an
 * unreadable file, 3 internal error. Never prints a stack trace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { analyzeSpec } from './spec/load.js';
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
import { get, str, type SourceFile, type YNode } from '../yaml/tree.js';

export type ValidateFormat = 'text' | 'json' | 'sarif' | 'codequality' | 'github';
export const VALIDATE_FORMATS: readonly ValidateFormat[] = ['text', 'json', 'sarif', 'codequality', 'github'];

export interface Sink {
  write(s: string): void;
}

export const DEFAULT_SPEC = 'deploy-token.yml';
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
    let unreadable = false;
    const texts = new Map<string, string>();
    const order: string[] = [];
    const findings: Finding[] = [];
    const inputs: { abs: string; shown: string; text: string; kind: 'spec' | 'ci' }[] = [];
    for (const f of targets) {
      const abs = resolve(cwd, f);
      const shown = displayPath(cwd, abs);
      let text: string;
      try {
        if (statSync(abs).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        text = readFileSync(abs, 'utf8');
      } catch (e) {
        const code = (e as { code?: string }).code;
        err.write(`deploy-token: error: cannot read ${f}${code ? ` (${code})` : ''}\n`);
        unreadable = true;
        continue;
      }
      inputs.push({ abs, shown, text, kind: detectKind(abs, text) });
      order.push(shown);
    }
    // Specs first: their scopes quiet the push-scope hint of CI jobs.
    let scopes: SpecScopes | undefined;
    for (const inp of inputs.filter((i) => i.kind === 'spec')) {
      const a = analyzeSpec(inp.text, inp.shown);
      texts.set(inp.shown, inp.text);
      findings.push(...a.findings);
      if (a.root && !scopes) scopes = specScopesOf(a.root, inp.shown);
    }
    for (const inp of inputs.filter((i) => i.kind === 'ci')) {
      let ciScopes = scopes;
      if (!ciScopes) {
        const beside = join(resolve(inp.abs, '..'), DEFAULT_SPEC);
        if (existsSync(beside)) {
          try {
            const a = analyzeSpec(readFileSync(beside, 'utf8'), displayPath(cwd, beside));
            if (a.root) ciScopes = specScopesOf(a.root, displayPath(cwd, beside));
          } catch {
            // an unreadable neighbour only means no scopes to compare with
          }
        }
      }
      const fs: CiFs = {
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
      const loaded = loadCi(inp.text, inp.abs.split(sep).join('/'), fs);
      const all: Finding[] = [...loaded.findings];
      if (loaded.model) all.push(...checkCi(loaded.model, ciScopes));
      const srcs: SourceFile[] = loaded.sources;
      for (const s of srcs) texts.set(s.path, s.text);
      findings.push(...applySuppressions(all, srcs));
    }
    const sorted = normalizeFindings(findings, order);
    switch (opts.format) {
      case 'json':
        out.write(formatJson(sorted));
        break;
      case 'sarif':
        out.write(formatSarif(sorted, texts));
        break;
      case 'codequality':
        out.write(formatCodeQuality(sorted, texts));
        break;
      case 'github':
        out.write(formatGithub(sorted));
        break;
      default:
        out.write(formatText(sorted, texts, opts.color ?? false));
    }
    if (unreadable) return 2;
    return hasErrors(sorted) ? 1 : 0;
  } catch (e) {
    err.write(`deploy-token: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
}
