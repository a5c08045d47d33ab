/**
 * `plan` output: every decision explained, never a secret. Text for people, JSON for machines.
 * The plan object is built from the resolution without the credentials, so no formatting bug can
 * print the password.
 */
import { useColor } from '../core/color.js';
import type { LayoutFileView } from '../credentials/types.js';
import { daysLeft, formatInstant } from '../resolve/activity.js';
import { describeToken } from '../resolve/messages.js';
import { planExitCode } from '../resolve/resolver.js';
import type {
  Considered,
  OutcomeSummary,
  RefProtection,
  Resolution,
  ResolveWarning,
  TokenSummary,
} from '../resolve/types.js';

export interface PlanExport {
  target: string;
  /** Where it goes: `stdout`, a file path, `$GITHUB_ENV`… */
  where: string;
  variables: string[];
}

/** The `plan` command's report: built from the resolution without the credentials. */
export interface PlanReport {
  ok: boolean;
  exitCode: number;
  project: string | null;
  gitlab: { url: string; version: string | null };
  rule: string;
  ruleText: string;
  token: (TokenSummary & { daysLeft: number | null }) | null;
  sources: { CI_DEPLOY_USER: string | null; CI_DEPLOY_PASSWORD: string | null };
  exports: PlanExport[];
  considered: Considered[];
  warnings: ResolveWarning[];
  reason: string | null;
  /** Secondary effects of the reason, one line each. */
  details: string[];
  fix: string | null;
  missingScopes: string[];
  /** Outside a job: what a GitLab job gets at run time (plan exits 0 when that works). */
  forJob: { ok: boolean; line: string } | null;
  ref: RefProtection | null;
  /** When the ref's protection is unknown and changes the answer. */
  outcomes: { protected: OutcomeSummary; unprotected: OutcomeSummary } | null;
}

export function planReport(
  r: Resolution,
  ctx: { gitlabUrl: string; project?: string; now: Date; exports: PlanExport[] },
): PlanReport {
  return {
    ok: r.ok,
    // A job that gets working credentials at run time is a healthy project, although the password
    // is not visible here (docs/gitlab-rules.md, "Sources").
    exitCode: planExitCode(r),
    project: ctx.project ?? null,
    gitlab: { url: ctx.gitlabUrl, version: r.version ?? null },
    rule: r.rule,
    ruleText: r.ruleText,
    token: r.token
      ? {
          ...r.token,
          daysLeft: (() => {
            const d = daysLeft({ expires_at: r.token.expiresAt }, ctx.now);
            return d === null ? null : Math.floor(d);
          })(),
        }
      : null,
    sources: {
      CI_DEPLOY_USER: r.sources.CI_DEPLOY_USER?.detail ?? null,
      CI_DEPLOY_PASSWORD: r.sources.CI_DEPLOY_PASSWORD?.detail ?? null,
    },
    exports: r.ok ? ctx.exports : [],
    considered: r.considered,
    warnings: r.warnings,
    reason: r.reason ?? null,
    details: r.details ?? [],
    fix: r.fix ?? null,
    missingScopes: r.missingScopes ?? [],
    forJob: r.forJob ?? null,
    ref: r.ref ?? null,
    outcomes: r.outcomes ?? null,
  };
}

export interface Style {
  bold(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOR: Style = {
  bold: wrap(1, 22),
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  dim: wrap(2, 22),
};
export const PLAIN: Style = {
  bold: (s) => s,
  green: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  dim: (s) => s,
};

/** Colour as src/core/color.ts decides (FORCE_COLOR, NO_COLOR, a terminal). */
export function pickStyle(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Style {
  return useColor(isTTY, env) ? COLOR : PLAIN;
}

export function formatPlanText(p: PlanReport, style: Style = PLAIN): string {
  const lines: string[] = [];
  const head = `${p.project ?? '(no project)'} on ${p.gitlab.url}${p.gitlab.version ? ` (GitLab ${p.gitlab.version})` : ''}`;
  lines.push(style.bold(head));
  lines.push(`  rule      ${p.ruleText}`);
  if (p.token) {
    const t = p.token;
    const exp =
      t.expiresAt === null
        ? 'never expires'
        : `expires ${formatInstant(new Date(t.expiresAt))}${t.daysLeft !== null && t.daysLeft >= 0 ? ` (${t.daysLeft} days left)` : ''}`;
    lines.push(`  token     ${describeToken(t)}`);
    lines.push(`            id ${t.id}, name ${t.name}, username ${t.username}, level ${t.level}`);
    lines.push(`            scopes ${t.scopes.join(', ') || '(none)'}; ${exp}`);
  }
  if (p.sources.CI_DEPLOY_USER || p.sources.CI_DEPLOY_PASSWORD) {
    lines.push(`  sources   CI_DEPLOY_USER     ← ${p.sources.CI_DEPLOY_USER ?? '(none)'}`);
    lines.push(`            CI_DEPLOY_PASSWORD ← ${p.sources.CI_DEPLOY_PASSWORD ?? '(none)'} (masked)`);
  }
  for (const e of p.exports) {
    lines.push(`  export    ${e.target} → ${e.where}: ${e.variables.join(', ')}`);
  }
  if (p.considered.length > 0) {
    lines.push('  considered');
    for (const c of p.considered) {
      const mark =
        c.verdict === 'picked' || c.verdict === 'named-by-variables' ? style.green('✓') : style.dim('✗');
      lines.push(`    ${mark} ${describeToken(c.token)}: ${c.verdict}${c.note ? ` — ${c.note}` : ''}`);
    }
  }
  for (const w of p.warnings) lines.push(`  ${style.yellow('warning')}   ${w.message} [${w.code}]`);
  lines.push(...resultLines(p, style));
  return `${lines.join('\n')}\n`;
}

/** The credential files of the job's layout, one line each (paths and modes, never content). */
export function formatFileLines(files: readonly LayoutFileView[]): string {
  return files
    .map(
      (f) => `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` ← $${f.env}` : ''}\n`,
    )
    .join('');
}

function refLine(r: RefProtection): string {
  const what = r.state === 'unknown' ? 'protection unknown' : r.state;
  return `  ref       ${r.ref ?? '(none)'}: ${what} (${r.source}${r.why ? `: ${r.why}` : ''})`;
}

function resultLines(p: PlanReport, style: Style): string[] {
  const lines: string[] = [];
  if (p.ref && (p.ref.state !== 'unknown' || p.outcomes)) lines.push(refLine(p.ref));
  if (p.outcomes) {
    const mark = (o: OutcomeSummary) => (o.jobOk ? style.green('✓') : style.red('✗'));
    lines.push(`  protected ref     ${mark(p.outcomes.protected)} ${p.outcomes.protected.line}`);
    lines.push(`  unprotected ref   ${mark(p.outcomes.unprotected)} ${p.outcomes.unprotected.line}`);
  }
  if (p.ok) {
    lines.push(`  ${style.green('result')}    the job gets working credentials (exit 0)`);
  } else if (p.exitCode === 0 && p.forJob) {
    // One line: the job gets it from GitLab at run time; nothing is wrong with the project.
    lines.push(`  ${style.green('result')}    in a GitLab job: ${p.forJob.line} (exit 0)`);
  } else {
    lines.push(`  ${style.red('result')}    ${p.reason ?? 'no credentials'} (exit ${p.exitCode})`);
    for (const d of p.details) lines.push(`            ${d}`);
    if (p.fix) lines.push(`  fix       ${p.fix}`);
  }
  return lines;
}
