/**
 * `audit` output, pure: text (aligned, for a terminal or a job log), JSON (for scripts) and Markdown
 * (for an issue or $GITHUB_STEP_SUMMARY). Names come from GitLab and may hold anything: control
 * characters are neutralised in text, and Markdown cells are escaped (`|`, newlines, HTML).
 *
 * JSON shape (stable; documented in docs/audit.md):
 * { group, generatedAt, expiringWithinDays,
 *   tokens: [{ level, owner, id, name, username, scopes, expiresAt, active, state }],
 *   findings: [{ severity, code, where, tokenId?, message }],
 *   summary: { errors, warnings, infos } }
 */
import { formatInstant } from '../resolve/activity.js';
import { summarise } from './findings.js';
import type { AuditResult, Finding, TokenRow } from './types.js';

export interface ReportMeta {
  group: string;
  generatedAt: Date;
  expiringWithinDays: number;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line, no terminal escapes. */
export function plain(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '?'));
}

/** A Markdown table cell: no line breaks, no column breaks, no HTML, no accidental emphasis or links. */
export function mdCell(s: string): string {
  return plain(s)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]])/g, '\\$1');
}

const expiry = (t: TokenRow) => (t.expiresAt === null ? 'never' : formatInstant(new Date(t.expiresAt)));

function counts(findings: Finding[]): string {
  const s = summarise(findings);
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.infos, 'info')}`;
}

export function formatJson(r: AuditResult, meta: ReportMeta): string {
  const out = {
    group: meta.group,
    generatedAt: meta.generatedAt.toISOString(),
    expiringWithinDays: meta.expiringWithinDays,
    tokens: r.tokens.map((t) => ({
      level: t.level,
      owner: t.owner,
      id: t.id,
      name: t.name,
      username: t.username,
      scopes: t.scopes,
      expiresAt: t.expiresAt,
      active: t.active,
      state: t.state,
    })),
    findings: r.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      where: f.where,
      ...(f.tokenId === undefined ? {} : { tokenId: f.tokenId }),
      message: f.message,
    })),
    summary: summarise(r.findings),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatText(r: AuditResult, meta: ReportMeta): string {
  const lines: string[] = [];
  const holders = new Set(r.tokens.map((t) => t.owner)).size;
  lines.push(
    `Deploy tokens of ${plain(meta.group)} and everything below it, ${formatInstant(meta.generatedAt)}: ${r.tokens.length} token(s) on ${holders} group(s)/project(s)`,
  );
  lines.push('');
  if (r.tokens.length === 0) lines.push('  (no deploy tokens)');
  else
    lines.push(
      ...table(
        ['LEVEL', 'OWNER', 'ID', 'NAME', 'USERNAME', 'SCOPES', 'EXPIRES', 'STATE'],
        r.tokens.map((t) => [
          t.level,
          plain(t.owner),
          String(t.id),
          plain(t.name),
          plain(t.username),
          plain(t.scopes.join(',')),
          expiry(t),
          t.state,
        ]),
      ).map((l) => `  ${l}`),
    );
  lines.push('');
  lines.push(`Findings: ${counts(r.findings)}`);
  if (r.findings.length === 0) lines.push('  none');
  for (const f of r.findings) {
    lines.push('');
    lines.push(
      `  ${f.severity.padEnd(7)} ${f.code}  ${plain(f.where)}${f.tokenId === undefined ? '' : ` #${f.tokenId}`}`,
    );
    lines.push(`          ${plain(f.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

const ICON: Record<Finding['severity'], string> = {
  error: '🔴 error',
  warning: '🟠 warning',
  info: '🔵 info',
};

export function formatMarkdown(r: AuditResult, meta: ReportMeta): string {
  const out: string[] = [];
  out.push(`## Deploy-token audit: ${mdCell(meta.group)}`);
  out.push('');
  out.push(
    `Generated ${formatInstant(meta.generatedAt)}; tokens expiring within ${meta.expiringWithinDays} days are flagged. **${counts(r.findings)}.**`,
  );
  out.push('');
  out.push(`### Deploy tokens (${r.tokens.length})`);
  out.push('');
  if (r.tokens.length === 0) out.push('No deploy tokens.');
  else {
    out.push('| Level | Owner | ID | Name | Username | Scopes | Expires | State |');
    out.push('|---|---|---:|---|---|---|---|---|');
    for (const t of r.tokens) {
      out.push(
        `| ${t.level} | ${mdCell(t.owner)} | ${t.id} | ${mdCell(t.name)} | ${mdCell(t.username)} | ${mdCell(t.scopes.join(', '))} | ${expiry(t)} | ${t.state} |`,
      );
    }
  }
  out.push('');
  out.push(`### Findings (${r.findings.length})`);
  out.push('');
  if (r.findings.length === 0) out.push('No findings.');
  else {
    out.push('| Severity | Code | Where | Token | Finding |');
    out.push('|---|---|---|---:|---|');
    for (const f of r.findings) {
      out.push(
        `| ${ICON[f.severity]} | ${f.code} | ${mdCell(f.where)} | ${f.tokenId ?? ''} | ${mdCell(f.message)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export function formatReport(format: 'text' | 'json' | 'markdown', r: AuditResult, meta: ReportMeta): string {
  if (format === 'json') return formatJson(r, meta);
  if (format === 'markdown') return formatMarkdown(r, meta);
  return formatText(r, meta);
}
