/**
 * Loading a job spec (`deploy-token.yml`): YAML with source positions, the schema (precompiled, see
 * scripts/gen-validator.mjs), then the semantic rules. Every problem is a finding with `file:line:col`
 * and a rule id; an unreadable file is a usage error (exit 2). The spec is returned only when no
 * finding is an error, so callers never act on a spec `validate` would reject.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import { fileFinding, findingAt, hasErrors, normalizeFindings, type Finding } from '../validate/finding.js';
import { specRuleFindings } from '../validate/spec-rules.js';
import { applySuppressions } from '../validate/suppress.js';
import { parseYaml, type YamlLimits } from '../validate/yaml/load.js';
import { toPlain, type SourceFile, type YNode } from '../validate/yaml/tree.js';
import { schemaFindings } from './schema.js';
import type { Spec } from './types.js';

/** Specs are small; a larger file is refused before parsing. */
export const MAX_SPEC_BYTES = 1024 * 1024;

export const SPEC_LIMITS: YamlLimits = { maxBytes: MAX_SPEC_BYTES, maxNodes: 200_000, maxDepth: 100 };

export interface SpecAnalysis {
  spec?: Spec;
  findings: Finding[];
  src: SourceFile;
  root?: YNode;
}

/** Everything `validate` knows about a spec text (the tree is kept for cross-file checks). */
export function analyzeSpec(text: string, file: string): SpecAnalysis {
  const parsed = parseYaml(text, file, SPEC_LIMITS);
  const { src } = parsed;
  if (parsed.findings.length > 0)
    return { findings: normalizeFindings(applySuppressions(parsed.findings, [src])), src };
  const [root, extra] = parsed.docs;
  if (!root)
    return {
      findings: [fileFinding('schema', 'the spec is empty; expected `version: 1` and `jobs`', file)],
      src,
    };
  if (extra) {
    const second = findingAt('syntax', 'a second YAML document (---); expected the spec to be one document', {
      ...extra.span,
      end: extra.span.start,
    });
    return { findings: normalizeFindings(applySuppressions([second], [src])), src, root };
  }
  const data = toPlain(root);
  const rules = specRuleFindings(root);
  // One finding per location: a rule that says more (a token where a variable name belongs) wins over the schema.
  const taken = new Set(rules.map((f) => `${f.line}:${f.col}`));
  const all = [...schemaFindings(data, root).filter((f) => !taken.has(`${f.line}:${f.col}`)), ...rules];
  const findings = normalizeFindings(applySuppressions(all, [src]));
  return hasErrors(findings) ? { findings, src, root } : { spec: data as Spec, findings, src, root };
}

export function loadSpec(text: string, file: string): { spec?: Spec; findings: Finding[] } {
  const { spec, findings } = analyzeSpec(text, file);
  return spec ? { spec, findings } : { findings };
}

export async function loadSpecFile(path: string): Promise<{ spec?: Spec; findings: Finding[] }> {
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
