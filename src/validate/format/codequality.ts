/**
 * `--format codequality`: GitLab's Code Quality report (artifacts:reports:codequality), a JSON array
 * of issues with description, check_name, fingerprint, severity and location (doc/ci/testing/code_quality.md).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';
import { fingerprints } from './fingerprint.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function formatCodeQuality(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
): string {
  const prints = fingerprints(findings, sources);
  const issues = findings.map((f, i) => ({
    type: 'issue',
    check_name: f.ruleId,
    description: `${f.message} [${f.ruleId}]`,
    categories: ['Security'],
    // GitLab wants a unique hex fingerprint per issue; MD5 length, derived from the stable one.
    fingerprint: createHash('md5')
      .update(prints[i] ?? String(i))
      .digest('hex'),
    severity: SEVERITY[f.severity],
    location: {
      path: f.file,
      lines: { begin: f.line, ...(f.endLine !== undefined ? { end: f.endLine } : {}) },
    },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
