/**
 * `audit` output, pure: text (aligned, for a terminal or a job log), JSON (for scripts) and Markdown
 * (for an issue or $GITHUB_STEP_SUMMARY). Names come from GitLab and may hold anything: control and
 * invisible format characters are neutralised everywhere, and in Markdown every value from GitLab is
 * a code span, where neither GitHub nor GitLab parses mentions, links, references, emoji or HTML.
 *
 * JSON shape (stable; documented in docs/audit.md; snake_case as GitLab's API, docs/cli.md):
 * { group, generated_at, min_days_left,
 *   tokens: [{ level, owner, id, name, username, scopes, expires_at, active, state }],
 *   findings: [{ severity, code, where, token_id?, message }],
 *   summary: { errors, warnings, infos } }
 */
import { mdCode, mdText, oneLine } from '../core/text.js';
import { formatInstant } from '../resolve/activity.js';
import { formatCsv } from './csv.js';
import { summarize } from './findings.js';
import type { AuditFormat } from './options.js';
import type { AuditResult, Finding, MessagePart, TokenRow } from './types.js';

export interface ReportMeta {
  group: string;
  generatedAt: Date;
  expiringWithinDays: number;
}

/** A finding's message in Markdown: the tool's words escaped, every literal a code span. */
export function mdMessage(parts: MessagePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? mdText(p) : mdCode(p.literal))).join('');
}

/**
 * The most Markdown output may take, in UTF-8 bytes: under GitHub's 1 MiB for $GITHUB_STEP_SUMMARY
 * and GitLab's 1,048,576 characters for an issue description (bytes ≥ characters), with room to spare
 * for whatever a job appends.
 */
export const MARKDOWN_MAX_BYTES = 900 * 1024;

const expiry = (t: TokenRow) => (t.expiresAt === null ? 'never' : formatInstant(new Date(t.expiresAt)));

function counts(findings: Finding[]): string {
  const s = summarize(findings);
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.infos, 'info')}`;
}

export function formatJson(r: AuditResult, meta: ReportMeta): string {
  const out = {
    group: meta.group,
    generated_at: meta.generatedAt.toISOString(),
    min_days_left: meta.expiringWithinDays,
    tokens: r.tokens.map((t) => ({
      level: t.level,
      owner: t.owner,
      id: t.id,
      name: t.name,
      username: t.username,
      scopes: t.scopes,
      expires_at: t.expiresAt,
      active: t.active,
      state: t.state,
    })),
    findings: r.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      where: f.where,
      ...(f.tokenId === undefined ? {} : { token_id: f.tokenId }),
      message: f.message,
    })),
    summary: summarize(r.findings),
  };
  // Every string (paths, scopes, messages quoting variable values…) loses the characters oneLine()
  // neutralises, so `jq -r` cannot print a bidi override or a terminal escape raw.
  return `${JSON.stringify(out, (_key, v: unknown) => (typeof v === 'string' ? oneLine(v) : v), 2)}\n`;
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
    `Deploy tokens of ${oneLine(meta.group)} and everything below it, ${formatInstant(meta.generatedAt)}: ${r.tokens.length} token(s) on ${holders} group(s)/project(s)`,
  );
  // Findings first: they are what the reader must act on; the table follows for reference.
  lines.push('');
  lines.push(`Findings: ${counts(r.findings)}`);
  if (r.findings.length === 0) lines.push('  none');
  for (const f of r.findings) {
    lines.push('');
    lines.push(
      `  ${f.severity.padEnd(7)} ${f.code}  ${oneLine(f.where)}${f.tokenId === undefined ? '' : ` #${f.tokenId}`}`,
    );
    lines.push(`          ${oneLine(f.message)}`);
  }
  lines.push('');
  if (r.tokens.length === 0) lines.push('  (no deploy tokens)');
  else
    lines.push(
      ...table(
        ['LEVEL', 'OWNER', 'ID', 'NAME', 'USERNAME', 'SCOPES', 'EXPIRES', 'STATE'],
        r.tokens.map((t) => [
          t.level,
          oneLine(t.owner),
          String(t.id),
          oneLine(t.name),
          oneLine(t.username),
          oneLine(t.scopes.join(',')),
          expiry(t),
          t.state,
        ]),
      ).map((l) => `  ${l}`),
    );
  return `${lines.join('\n')}\n`;
}

const ICON: Record<Finding['severity'], string> = {
  error: '🔴 error',
  warning: '🟠 warning',
  info: '🔵 info',
};

/** The most characters of the group's path the heading shows (the rest is cut, with an ellipsis). */
const HEADING_CHARS = 200;

/** The group's path for the heading: at most HEADING_CHARS characters (code points), an ellipsis after it when cut. */
function headingValue(s: string): string {
  const chars = Array.from(s);
  return chars.length <= HEADING_CHARS ? mdCode(s) : `${mdCode(chars.slice(0, HEADING_CHARS).join(''))}…`;
}

const linesBytes = (lines: string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);

export function formatMarkdown(r: AuditResult, meta: ReportMeta, maxBytes = MARKDOWN_MAX_BYTES): string {
  const out: string[] = [];
  let size = 0;
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      size += Buffer.byteLength(l) + 1;
    }
  };
  /**
   * Adds, in order, each row that fits with `reserve` bytes to spare; one too big is skipped (it is
   * counted as left out) and later, smaller ones still get their chance. Returns how many it added.
   */
  const rows = (lines: string[], reserve: number): number => {
    let n = 0;
    for (const l of lines) {
      if (size + Buffer.byteLength(l) + 1 + reserve > maxBytes) continue;
      push(l);
      n++;
    }
    return n;
  };
  const leftOut = (n: number, total: number, what: string) => [
    '',
    `**${n} of ${total} ${what} left out** to stay under 1 MiB, the most a GitHub step summary or a GitLab issue takes: \`deploy-token audit --format json\` has them all.`,
  ];
  const tokensSection = [
    '',
    `### Deploy tokens (${r.tokens.length})`,
    '',
    ...(r.tokens.length === 0
      ? ['No deploy tokens.']
      : [
          '| Level | Owner | ID | Name | Username | Scopes | Expires | State |',
          '|---|---|---:|---|---|---|---|---|',
        ]),
  ];
  // What a left-out line may take at most (n ≤ total: no more digits than these).
  const tokensOmission = linesBytes(leftOut(r.tokens.length, r.tokens.length, 'token rows'));
  const findingsOmission = linesBytes(leftOut(r.findings.length, r.findings.length, 'findings'));

  push(
    `## Deploy-token audit: ${headingValue(meta.group)}`,
    '',
    `Generated ${formatInstant(meta.generatedAt)}; tokens expiring within ${meta.expiringWithinDays} days are flagged. **${counts(r.findings)}.**`,
    '',
    `### Findings (${r.findings.length})`,
    '',
  );
  // Findings first (errors, warnings, infos): they are what the reader must act on. Their rows keep
  // free only what must follow them, so token rows get only room no left-out finding fits in.
  if (r.findings.length === 0) push('No findings.');
  else {
    push('| Severity | Code | Where | Token | Finding |', '|---|---|---|---:|---|');
    const shown = rows(
      r.findings.map(
        (f) =>
          `| ${ICON[f.severity]} | ${f.code} | ${mdCode(f.where)} | ${f.tokenId ?? ''} | ${mdMessage(f.parts)} |`,
      ),
      findingsOmission + linesBytes(tokensSection) + tokensOmission,
    );
    if (shown < r.findings.length) push(...leftOut(r.findings.length - shown, r.findings.length, 'findings'));
  }
  push(...tokensSection);
  if (r.tokens.length > 0) {
    const shown = rows(
      r.tokens.map(
        (t) =>
          `| ${t.level} | ${mdCode(t.owner)} | ${t.id} | ${mdCode(t.name)} | ${mdCode(t.username)} | ${t.scopes.length === 0 ? '' : mdCode(t.scopes.join(', '))} | ${expiry(t)} | ${t.state} |`,
      ),
      tokensOmission,
    );
    if (shown < r.tokens.length) push(...leftOut(r.tokens.length - shown, r.tokens.length, 'token rows'));
  }
  return `${out.join('\n')}\n`;
}

export function formatReport(format: AuditFormat, r: AuditResult, meta: ReportMeta): string {
  if (format === 'csv') return formatCsv(r);
  if (format === 'json') return formatJson(r, meta);
  if (format === 'markdown') return formatMarkdown(r, meta);
  return formatText(r, meta);
}
