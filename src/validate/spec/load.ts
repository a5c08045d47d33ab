/**
 * Loading a job spec (`deploy-token.yml`): the YAML reader with positions (src/yaml), the schema
 * (precompiled, see scripts/gen-validator.mjs), then the semantic rules. Every problem is a finding
 * with `file:line:col` and a rule id; an unreadable file is a usage error (exit 2). The spec is
 * returned only when no finding is an error, so callers never act on a spec `validate` would reject.
 *
 * A run loads its spec once: `createSpecLoader()` reads, parses and validates each path at most once
 * however often the run asks (resolve asks before its flow and the flow asks again).
 */
import { readFile } from 'node:fs/promises';
import nunjucks from 'nunjucks';
import { UsageError } from '../../core/errors.js';
import { provideTemplating } from '../../export/templating.js';
import type { Spec } from '../../spec/types.js';
import { parseYaml, type YamlLimits } from '../../yaml/read.js';
import { toPlain, type SourceFile, type YNode } from '../../yaml/tree.js';
import { fileFinding, findingAt, hasErrors, normalizeFindings, type Finding } from '../finding.js';
import { schema as schemaRule } from '../rules/schema.js';
import { syntax, yamlFindings } from '../rules/yaml.js';
import { checkSpec } from '../check.js';
import { applySuppressions } from '../suppress.js';
import { schemaFindings } from './schema.js';

// The template rules parse and trial-render with nunjucks; only specs load it.
provideTemplating(nunjucks);

/** Specs are small; a larger file is refused before parsing. */
export const MAX_SPEC_BYTES = 1024 * 1024;

export const SPEC_LIMITS: YamlLimits = { maxBytes: MAX_SPEC_BYTES, maxNodes: 200_000, maxDepth: 100 };

export interface SpecAnalysis {
  spec?: Spec;
  findings: Finding[];
  src: SourceFile;
  root?: YNode;
}

export interface LoadedSpec {
  /** Undefined when any finding is an error. */
  spec?: Spec;
  findings: Finding[];
}

/** Everything `validate` knows about a spec text (the tree is kept for cross-file checks). */
export function analyzeSpec(text: string, file: string): SpecAnalysis {
  const parsed = parseYaml(text, file, SPEC_LIMITS);
  const { src } = parsed;
  const done = (findings: Finding[], root?: YNode): SpecAnalysis => ({
    findings: normalizeFindings(applySuppressions(findings, [src])),
    src,
    ...(root ? { root } : {}),
  });
  if (parsed.problems.length > 0) return done(yamlFindings(parsed.problems, file));
  const [root, extra] = parsed.docs;
  if (!root)
    return {
      findings: [fileFinding(schemaRule, 'the spec is empty; expected `version: 1` and `jobs`', file)],
      src,
    };
  if (extra) {
    const span = { ...extra.span, end: extra.span.start };
    return done(
      [findingAt(syntax, 'a second YAML document (---); expected the spec to be one document', span)],
      root,
    );
  }
  const data = toPlain(root);
  const rules = checkSpec(root);
  // One finding per location: a rule that says more (a token where a variable name belongs) wins over the schema.
  const taken = new Set(rules.map((f) => `${f.line}:${f.col}`));
  const all = [...schemaFindings(data, root).filter((f) => !taken.has(`${f.line}:${f.col}`)), ...rules];
  const findings = normalizeFindings(applySuppressions(all, [src]));
  return hasErrors(findings) ? { findings, src, root } : { spec: data as Spec, findings, src, root };
}

export function loadSpec(text: string, file: string): LoadedSpec {
  const { spec, findings } = analyzeSpec(text, file);
  return spec ? { spec, findings } : { findings };
}

export async function loadSpecFile(path: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot read spec ${path}${code ? ` (${code})` : ''}`,
      'check the path given with --spec',
    );
  }
  return loadSpec(text, path);
}

/** The spec, or a usage error (exit 2) listing its first errors and how to see them all. */
export function validSpec(path: string, loaded: LoadedSpec): Spec {
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (loaded.spec && errors.length === 0) return loaded.spec;
  const first = errors
    .slice(0, 5)
    .map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} [${f.ruleId}]`)
    .join('\n  ');
  throw new UsageError(
    `the spec is invalid:\n  ${first}`,
    `run \`deploy-token validate ${path}\` for every finding`,
  );
}

export interface SpecLoader {
  /** The spec at `path` with its findings, read and validated on the first call only. */
  load(path: string): Promise<LoadedSpec>;
  /** The spec at `path`, or a usage error naming its errors (see validSpec); read once. */
  valid(path: string): Promise<Spec>;
}

/** One per run: each path is read, parsed and validated once, however often the run asks. */
export function createSpecLoader(read: (path: string) => Promise<LoadedSpec> = loadSpecFile): SpecLoader {
  const cache = new Map<string, Promise<LoadedSpec>>();
  const load = (path: string): Promise<LoadedSpec> => {
    let p = cache.get(path);
    if (!p) {
      p = read(path);
      cache.set(path, p);
    }
    return p;
  };
  return { load, valid: async (path) => validSpec(path, await load(path)) };
}
