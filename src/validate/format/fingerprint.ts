/**
 * Stable fingerprints for code-scanning tools: from the rule, the file and the text of the line (not
 * its number), plus an occurrence count, so a finding keeps its identity when lines move.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';

export function fingerprints(findings: readonly Finding[], sources: ReadonlyMap<string, string>): string[] {
  const lines = new Map<string, string[]>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    let ls = lines.get(f.file);
    if (!ls) {
      ls = (sources.get(f.file) ?? '').split('\n');
      lines.set(f.file, ls);
    }
    const text = (ls[f.line - 1] ?? '').trim().replace(/\s+/g, ' ');
    const base = createHash('sha256')
      .update(`${f.ruleId}\0${f.file}\0${text}\0${f.message}`)
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}:${n}`;
  });
}
