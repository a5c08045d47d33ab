/**
 * `deploy-token provision` flags, checked in one place (pure: flags and the clock in, a request or a
 * UsageError out). Nothing is created before every flag is known to be good.
 */
import { UsageError } from '../core/errors.js';
import { DEPLOY_TOKEN_SCOPES, isScope } from '../gitlab/scopes.js';
import { GITLAB_DEPLOY_TOKEN_NAME } from '../resolve/activity.js';

export const STORES = ['none', 'project-variables', 'group-variables'] as const;
export type Store = (typeof STORES)[number];

/** app/models/concerns/ci/maskable.rb: what GitLab accepts as a masked (non-raw) variable value. */
export const MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
/** app/models/deploy_token.rb: username format, at most 255 characters. */
const USERNAME = /^[a-zA-Z0-9.+_-]+$/;
const DAY_MS = 86_400_000;

export interface ProvisionFlags {
  level?: string;
  project?: string;
  group?: string;
  scopes?: string;
  expiresAt?: string;
  expiresIn?: string;
  name?: string;
  username?: string;
  store?: string;
  protected?: boolean;
  rotate?: boolean;
  dryRun?: boolean;
  format?: string;
}

export interface ProvisionRequest {
  level: 'project' | 'group';
  /** Project id or path (project level, or project variables, or to find the parent group). */
  project?: string;
  /** Group id or path given with --group. */
  group?: string;
  name: string;
  username?: string;
  scopes: string[];
  /** What GitLab is sent (`YYYY-MM-DD` or an ISO instant), or null for a token that never expires. */
  expiresAt: string | null;
  store: Store;
  protected: boolean;
  rotate: boolean;
  dryRun: boolean;
  /** The report (text, or one JSON object); shell: export lines for a token printed (--store none). */
  format: 'text' | 'json' | 'shell';
}

function parseExpiry(flags: ProvisionFlags, now: Date): string | null {
  if (flags.expiresAt !== undefined && flags.expiresIn !== undefined) {
    throw new UsageError('give --expires-at or --expires-in, not both', 'e.g. --expires-in 90');
  }
  if (flags.expiresIn !== undefined) {
    const raw = String(flags.expiresIn).trim();
    if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 36_500) {
      throw new UsageError(
        `--expires-in must be a whole number of days from 1 to 36500, not "${raw.slice(0, 40)}"`,
        'e.g. --expires-in 90',
      );
    }
    // A date: GitLab stores it as 00:00 UTC of that day ("Expiry occurs at midnight UTC on that date").
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(today + Number(raw) * DAY_MS).toISOString().slice(0, 10);
  }
  if (flags.expiresAt !== undefined) {
    const raw = String(flags.expiresAt).trim();
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
    const at = dateOnly ? Date.parse(`${raw}T00:00:00Z`) : instant ? Date.parse(raw) : NaN;
    if (Number.isNaN(at) || !realCalendar(raw)) {
      throw new UsageError(
        `--expires-at must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone, not "${raw.slice(0, 40)}"`,
        'e.g. --expires-at 2027-01-31 (the token dies at 00:00 UTC that day)',
      );
    }
    if (at <= now.getTime()) {
      throw new UsageError(
        `--expires-at ${raw} is not in the future (a date means 00:00 UTC that day)`,
        'give a later date, or --expires-in DAYS',
      );
    }
    return dateOnly ? raw : new Date(at).toISOString();
  }
  return null;
}

/**
 * Date.parse rolls impossible dates over (2027-02-30 → March 2, T24:00 → the next day): the date and
 * time a user wrote must exist as written.
 */
function realCalendar(raw: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return false;
  const [y, mo, d, h = '0', mi = '0', sec = '0'] = m.slice(1);
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return (
    day.getUTCFullYear() === Number(y) &&
    day.getUTCMonth() === Number(mo) - 1 &&
    day.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(sec) < 60
  );
}

/** --scopes: a comma (or space) list of GitLab's deploy-token scopes, each once. */
function parseScopes(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError('provision needs --scopes', `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(', ')}`);
  }
  const scopes = [
    ...new Set(
      raw
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (scopes.length === 0) {
    throw new UsageError('--scopes names no scope', `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(', ')}`);
  }
  for (const s of scopes) {
    if (!isScope(s)) {
      throw new UsageError(
        `--scopes names an unknown deploy-token scope "${s.slice(0, 40)}"`,
        `use a comma list of: ${DEPLOY_TOKEN_SCOPES.join(', ')}`,
      );
    }
  }
  return scopes;
}

/** --name: the token's name, as GitLab stores it and as it reads. */
function parseName(raw: string | undefined): string {
  const name = raw ?? GITLAB_DEPLOY_TOKEN_NAME;
  if (
    name.trim() !== name ||
    name === '' ||
    name.length > 255 ||
    // Control, bidi and zero-width characters: a name that looks like another is not that name.
    // (\p{Cc} control, \p{Cf} format: bidi, zero-width, soft hyphen; line/paragraph separators; fillers.)
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u180e\u3164\uffa0]/u.test(name)
  ) {
    throw new UsageError(
      '--name must be 1 to 255 characters, without leading or trailing space, control, bidi or zero-width characters',
      `the default is ${GITLAB_DEPLOY_TOKEN_NAME}`,
    );
  }
  return name;
}

/** --username: GitLab's username format, and maskable when it is stored in a variable. */
function checkUsername(username: string, store: Store): void {
  if (!USERNAME.test(username) || username.length > 255) {
    throw new UsageError(
      `--username "${username.slice(0, 60)}" is not a deploy-token username`,
      "GitLab allows letters, digits, '_', '-', '+' and '.' (at most 255); omit it for gitlab+deploy-token-{id}",
    );
  }
  // The username is stored as a masked variable too (the issue asks for both masked), so it must
  // be maskable: ≥ 8 characters of GitLab's masking alphabet (a superset of the username alphabet).
  if (store !== 'none' && !MASKABLE.test(username)) {
    throw new UsageError(
      `--username "${username.slice(0, 60)}" cannot be stored as a masked variable: GitLab masks only values of 8 characters or more`,
      'choose a username of at least 8 characters, or omit --username (gitlab+deploy-token-{id})',
    );
  }
}

/** Flags that make no sense together. */
function checkCombinations(flags: ProvisionFlags, level: string, store: Store): 'text' | 'json' | 'shell' {
  if (flags.protected && store === 'none') {
    throw new UsageError(
      '--protected applies to stored variables',
      'add --store group-variables or project-variables',
    );
  }
  // The token printed once (--store none) is JSON unless asked otherwise.
  const format = flags.format ?? (store === 'none' ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'shell') {
    throw new UsageError(
      `--format must be text, json or shell, not "${String(format).slice(0, 40)}"`,
      'e.g. --format json',
      '--format',
    );
  }
  if (format === 'shell' && store !== 'none') {
    throw new UsageError(
      '--format shell prints the token as export lines, which only --store none does',
      'add --store none, or use --format text|json for the report',
      '--format',
    );
  }
  if (level === 'project' && store === 'group-variables') {
    throw new UsageError(
      'a project token stored in group variables would reach every project of the group but log in to one',
      'use --level group --store group-variables (the ≤ 15.0 workaround), or --store project-variables',
    );
  }
  if (flags.group !== undefined && level === 'project') {
    throw new UsageError('--group applies to --level group', 'use --project for a project token');
  }
  return format;
}

export function parseProvisionFlags(flags: ProvisionFlags, now: Date): ProvisionRequest {
  const level = flags.level ?? 'project';
  if (level !== 'project' && level !== 'group') {
    throw new UsageError(`--level must be project or group, not "${String(level).slice(0, 40)}"`);
  }
  const store = (flags.store ?? 'none') as Store;
  if (!(STORES as readonly string[]).includes(store)) {
    throw new UsageError(
      `--store must be one of ${STORES.join(', ')}, not "${String(flags.store).slice(0, 40)}"`,
      'group-variables: the ≤ 15.0 workaround; project-variables; none: print the token once',
    );
  }
  const scopes = parseScopes(flags.scopes);
  const name = parseName(flags.name);
  if (flags.username !== undefined) checkUsername(flags.username, store);
  const format = checkCombinations(flags, level, store);
  const req: ProvisionRequest = {
    level,
    name,
    scopes,
    expiresAt: parseExpiry(flags, now),
    store,
    protected: flags.protected === true,
    rotate: flags.rotate === true,
    dryRun: flags.dryRun === true,
    format,
  };
  if (flags.username !== undefined) req.username = flags.username;
  if (flags.project !== undefined) req.project = flags.project;
  if (flags.group !== undefined) req.group = flags.group;
  return req;
}
