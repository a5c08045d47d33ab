/**
 * The file itself (the YAML reader's problems, src/yaml): syntax errors, files over the size limit,
 * and aliases or merge keys that expand too far or nest too deep.
 */
import type { YamlProblem } from '../../yaml/problem.js';
import { fileFinding, findingAt, type Finding, type RuleMeta } from '../finding.js';

export const syntax = {
  id: 'syntax',
  severity: 'error',
  summary: 'YAML syntax error',
  help: 'The file must be valid YAML: consistent indentation with spaces, unique keys, closed flow collections and quotes, anchors defined before their aliases.',
} as const satisfies RuleMeta;

export const fileTooLarge = {
  id: 'file-too-large',
  severity: 'error',
  summary: 'file over the size limit',
  help: 'Specs are limited to 1 MiB and .gitlab-ci.yml files to 2 MiB (GitLab’s default max_yaml_size_bytes); larger files are refused before parsing.',
} as const satisfies RuleMeta;

export const yamlLimit = {
  id: 'yaml-limit',
  severity: 'error',
  summary: 'aliases expand too far, or nesting too deep',
  help: 'Anchors, aliases and `<<` merge keys that together expand to more than a million nodes in a CI file (200,000 in a spec) — alias bombs, merge-key chains — or nesting deeper than GitLab’s max_yaml_depth (100) are refused before anything is built.',
} as const satisfies RuleMeta;

const BY_CODE = { syntax, 'file-too-large': fileTooLarge, 'yaml-limit': yamlLimit } as const;

/** The reader's problems as findings (a problem without a span is about the whole file). */
export function yamlFindings(problems: readonly YamlProblem[], file: string): Finding[] {
  return problems.map((p) =>
    p.span ? findingAt(BY_CODE[p.code], p.message, p.span) : fileFinding(BY_CODE[p.code], p.message, file),
  );
}
