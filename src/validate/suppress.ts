/**
 * Inline suppression: `# deploy-token-ignore: <rule-id>[, <rule-id>…] -- reason`. At the end of a line
 * it silences that line; alone on a line it silences the next line that is not blank or a comment.
 * A comment naming an unknown rule or giving no reason is itself a finding (bad-ignore), so
 * suppressions stay deliberate and explained.
 */
import { findingAt, type Finding } from './finding.js';
import { badIgnore } from './rules/bad-ignore.js';
import { isRuleId } from './known-rules.js';
import type { SourceFile } from '../yaml/tree.js';

const MARKER = /(^|\s)#\s*deploy-token-ignore\b:?(.*)$/;

export interface Suppressions {
  /** line → rule ids silenced on that line */
  byLine: Map<number, Set<string>>;
  problems: Finding[];
}

export function parseSuppressions(src: SourceFile): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const problems: Finding[] = [];
  if (!src.text.includes('deploy-token-ignore')) return { byLine, problems };
  const lines = src.text.split('\n');
  let offset = 0;
  const starts: number[] = [];
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = MARKER.exec(line);
    if (!m) continue;
    const hashAt = (starts[i] ?? 0) + line.indexOf('#', m.index);
    const span = { src, start: hashAt, end: (starts[i] ?? 0) + line.length };
    const body = (m[2] ?? '').trim();
    const [idsPart = '', ...reasonParts] = body.split(/\s--\s?|^--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    const ids = idsPart
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) {
      problems.push(
        findingAt(
          badIgnore,
          'deploy-token-ignore names no rule; expected `# deploy-token-ignore: <rule-id> -- reason`',
          span,
        ),
      );
      continue;
    }
    const unknown = ids.filter((id) => !isRuleId(id));
    if (unknown.length > 0) {
      problems.push(
        findingAt(
          badIgnore,
          `unknown rule id "${unknown[0]}" in deploy-token-ignore; expected an id shown in brackets after a finding`,
          span,
        ),
      );
    }
    if (!reason) {
      problems.push(
        findingAt(
          badIgnore,
          'deploy-token-ignore gives no reason; expected `-- reason` after the rule id',
          span,
        ),
      );
    }
    // Alone on its line: applies to the next line with content.
    let target = i;
    if (line.slice(0, line.indexOf('#', m.index)).trim() === '') {
      target = i + 1;
      while (target < lines.length && /^\s*(#.*)?$/.test(lines[target] ?? '')) target++;
    }
    const set = byLine.get(target + 1) ?? new Set<string>();
    for (const id of ids) set.add(id);
    byLine.set(target + 1, set);
  }
  return { byLine, problems };
}

/** Drops findings silenced in their own file; adds the comments' own problems. */
export function applySuppressions(findings: Finding[], sources: Iterable<SourceFile>): Finding[] {
  const byFile = new Map<string, Suppressions>();
  for (const src of sources) if (!byFile.has(src.path)) byFile.set(src.path, parseSuppressions(src));
  const out: Finding[] = [];
  for (const f of findings) {
    const s = byFile.get(f.file);
    if (s?.byLine.get(f.line)?.has(f.ruleId)) continue;
    out.push(f);
  }
  for (const s of byFile.values()) out.push(...s.problems);
  return out;
}
