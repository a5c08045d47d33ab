/** `audit`'s flags → settings, pure: every bad value becomes a UsageError (exit 2) naming its flag. */
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { flagConnection, requireToken, type Connection } from '../app/connection.js';
import { durationMs } from '../core/duration.js';

export type AuditFormat = 'text' | 'json' | 'markdown' | 'csv';
export const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'markdown', 'csv'];

export interface AuditFlags {
  group?: string;
  gitlabUrl?: string;
  apiTokenEnv?: string;
  format?: string;
  /** `--min-days-left` (old name `--expiring-within`, main.ts). */
  minDaysLeft?: string | number;
  ephemeralOlderThan?: string;
}

export interface AuditCliSettings {
  group: string;
  /** The instance and the API token (required), with where each came from. */
  gitlab: Connection & { apiToken: string };
  format: AuditFormat;
  expiringWithinDays: number;
  ephemeralOlderThanMs: number;
}

/** `90m`, `6h`, `2d`, `1w` → milliseconds; undefined when not a positive duration. */
export function parseDuration(raw: string): number | undefined {
  const ms = durationMs(raw);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/** A non-negative number of days (`30`, `0`, `1.5`); undefined otherwise. */
export function parseDays(raw: string | number): number | undefined {
  const s = String(raw).trim();
  if (!/^\d{1,5}(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function auditSettings(flags: AuditFlags, env: Env): AuditCliSettings {
  const format = (flags.format ?? 'text') as AuditFormat;
  if (!AUDIT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format must be one of ${AUDIT_FORMATS.join(', ')}`,
      'e.g. --format markdown',
      '--format',
    );
  }
  const expiringWithinDays = parseDays(flags.minDaysLeft ?? 30);
  if (expiringWithinDays === undefined) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(flags.minDaysLeft).slice(0, 40)}"`,
      'e.g. --min-days-left 14',
      '--min-days-left',
    );
  }
  const ephemeralOlderThanMs = parseDuration(flags.ephemeralOlderThan ?? '6h');
  if (ephemeralOlderThanMs === undefined) {
    throw new UsageError(
      `--ephemeral-older-than must be a duration such as 90m, 6h or 2d, not "${String(flags.ephemeralOlderThan).slice(0, 40)}"`,
      'e.g. --ephemeral-older-than 12h',
      '--ephemeral-older-than',
    );
  }
  const group = (flags.group ?? env.CI_PROJECT_NAMESPACE ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (group === '') {
    throw new UsageError(
      'audit needs --group',
      'name the group to audit by id or full path, e.g. --group tanuki (in a job, $CI_PROJECT_NAMESPACE is the default)',
    );
  }
  const gitlab = flagConnection(flags, env);
  const apiToken = requireToken(
    gitlab,
    'audit',
    `create a personal, group or project access token with read_api (Maintainer to list deploy tokens, Owner to read group variables) and put it in ${gitlab.tokenVariable ?? flags.apiTokenEnv ?? 'GITLAB_TOKEN'}`,
  );
  return { group, gitlab: { ...gitlab, apiToken }, format, expiringWithinDays, ephemeralOlderThanMs };
}
