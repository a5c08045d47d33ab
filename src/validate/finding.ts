/** One finding of `validate`: a rule id, a severity, what was expected, and where (1-based). */
import { describeAt, lineCol, type Span, type Via } from '../yaml/tree.js';

export type Severity = 'error' | 'warning' | 'info';

/** What every rule says of itself (rule.ts adds its checks): ids never change meaning once released. */
export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  /** One line, shown by SARIF viewers. */
  readonly summary: string;
  /** Why it matters and what to do (SARIF help, docs/validate.md). */
  readonly help: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}

/** A finding of a rule at a span; `via` names the alias, merge key or job that led there. */
export function findingAt(rule: RuleMeta, message: string, span: Span, via?: Via): Finding {
  const start = lineCol(span.src, span.start);
  const end = lineCol(span.src, Math.max(span.end, span.start));
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: via ? `${message} ${viaNote(via, span)}` : message,
    file: span.src.path,
    line: start.line,
    col: start.col,
    endLine: end.line,
    endCol: end.col,
  };
}

/** A finding with no source span (a whole file). */
export function fileFinding(rule: RuleMeta, message: string, file: string): Finding {
  return { ruleId: rule.id, severity: rule.severity, message, file, line: 1, col: 1 };
}

function viaNote(via: Via, span: Span): string {
  const where = describeAt(via.span, span.src);
  switch (via.kind) {
    case 'merge':
      return `(merged by \`<<: *${via.name}\` at ${where})`;
    case 'alias':
      return `(through alias *${via.name} at ${where})`;
    case 'reference':
      return `(through !reference [${via.name}] at ${where})`;
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Sorted by file order (as first seen), line, column, then rule id; one finding per rule and location
 * (a template shared by fifty jobs through extends is reported once, at its real line).
 */
export function normalizeFindings(findings: Finding[], fileOrder: string[] = []): Finding[] {
  const rank = new Map<string, number>();
  for (const f of fileOrder) if (!rank.has(f)) rank.set(f, rank.size);
  for (const f of findings) if (!rank.has(f.file)) rank.set(f.file, rank.size);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.file}\0${f.line}\0${f.col}\0${f.ruleId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort(
    (a, b) =>
      (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) ||
      a.line - b.line ||
      a.col - b.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
