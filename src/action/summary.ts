/**
 * The job summary, as data: a heading and two-column rows (no header row). Dates read
 * `2027-03-02 (89 days)` from the injected clock; the rules' source paths and merge-request numbers,
 * which belong in docs/gitlab-rules.md, are left out of user text. Pure: the Runner writes it.
 */
import type { Resolution, ResolveWarning } from '../resolve/types.js';

export type SummaryRows = [string, string][];

const DAY_MS = 86_400_000;

/** `2027-03-02 (89 days)`, `2026-11-24 (expired 1 day ago)`, or `never`. */
export function dateWithDays(iso: string | null | undefined, now: Date): string {
  if (!iso) return 'never';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = at.toISOString().slice(0, 10);
  const days = Math.floor((Date.parse(day) - Date.parse(now.toISOString().slice(0, 10))) / DAY_MS);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (days < 0) return `${day} (expired ${plural(-days)} ago)`;
  return `${day} (${days === 0 ? 'today' : plural(days)})`;
}

/** Text for users: without GitLab source paths (`(app/models/project.rb)`) or `MR !88696`. */
export function userText(s: string): string {
  return s
    .replace(/,?\s*MR !\d+/g, '')
    .replace(/\s*\([^()]*\b[\w/]+\.rb\)/g, '')
    .replace(/\s*\(\s*\)/g, '')
    .trim();
}

/** What to do about a warning, where its message does not say it already. */
const WARNING_FIX: Partial<Record<ResolveWarning['code'], string>> = {
  'expiring-soon': 'create a new gitlab-deploy-token before this one expires, then revoke the old one',
  'ambiguous-tokens': 'revoke all but one token named gitlab-deploy-token',
  'variables-shadow-token':
    'remove the CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD, or keep them on purpose',
  'version-unknown': 'give gitlab-token read_api so the version can be read',
  'variables-unreadable': 'give gitlab-token the Maintainer role so CI/CD variables can be read',
};

export function warningText(w: ResolveWarning): string {
  const fix = WARNING_FIX[w.code];
  return userText(fix ? `${w.message} — fix: ${fix}` : w.message);
}

export interface SummaryFacts {
  resolution: Resolution;
  now: Date;
  dryRun: boolean;
  /** Variable names exported to GITHUB_ENV, or why none. */
  exported: string;
  /** The clients configured (their files), or none. */
  configured: string;
}

export function summaryRows(f: SummaryFacts): SummaryRows {
  const r = f.resolution;
  const rows: SummaryRows = [];
  rows.push(['result', r.ok ? 'credentials resolved' : `no credentials: ${userText(r.reason ?? '')}`]);
  if (r.token) {
    const t = r.token;
    rows.push(['token', `#${t.id} ${t.name} (${t.username}), ${t.level} token of ${t.owner}`]);
    rows.push(['scopes', t.scopes.join(', ')]);
    rows.push(['expires', dateWithDays(t.expiresAt, f.now)]);
  } else if (r.credentials) {
    rows.push(['token', `${r.credentials.username} (not checked against GitLab)`]);
  }
  rows.push(['rule', userText(r.ruleText)]);
  if (r.sources.CI_DEPLOY_PASSWORD) rows.push(['password from', r.sources.CI_DEPLOY_PASSWORD.detail]);
  if (r.ok) {
    rows.push([f.dryRun ? 'would export' : 'exported', f.exported]);
    rows.push([f.dryRun ? 'would configure' : 'configured', f.configured]);
  }
  for (const w of r.warnings) rows.push(['warning', warningText(w)]);
  if (!r.ok && r.fix) rows.push(['fix', userText(r.fix)]);
  return rows;
}
