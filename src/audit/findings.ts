/**
 * The audit's decisions, pure: a gathered tree and a clock in, token rows and findings out. Each
 * finding code is one check (src/audit/checks/, listed in checks/index.ts) over the indexed tree
 * (context.ts); findings come sorted errors first, then by place, code and token.
 */
import { CHECKS } from './checks/index.js';
import { auditContext, type AuditContext } from './context.js';
import { textOf } from './message.js';
import type { AuditResult, AuditSettings, AuditTree, Finding, Severity, TokenRow } from './types.js';
import { compareCodeUnits } from './words.js';
import { eachToken } from './checks/check.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The token table: every token of the tree, holder by holder, in id order. */
function tokenRows(c: AuditContext): TokenRow[] {
  return [...eachToken(c)].map(({ h, t, act }) => ({
    level: h.kind,
    owner: h.fullPath,
    id: t.id,
    name: t.name,
    username: t.username,
    scopes: [...t.scopes],
    expiresAt: act.expiresAt ? act.expiresAt.toISOString() : null,
    active: act.active,
    state: act.active ? 'active' : act.reason,
  }));
}

export function auditFindings(tree: AuditTree, settings: AuditSettings): AuditResult {
  const c = auditContext(tree, settings);
  const findings: Finding[] = CHECKS.flatMap((check) =>
    check.run(c).map((f) => ({
      severity: check.severity,
      code: check.code,
      where: f.where,
      ...(f.tokenId === undefined ? {} : { tokenId: f.tokenId }),
      message: textOf(f.parts),
      parts: f.parts,
    })),
  );
  findings.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      compareCodeUnits(a.where, b.where) ||
      compareCodeUnits(a.code, b.code) ||
      (a.tokenId ?? 0) - (b.tokenId ?? 0),
  );
  return { tokens: tokenRows(c), findings };
}

export function summarize(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}
